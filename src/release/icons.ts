/**
 * The toolbar and store icons: one drawing (`assets/icon.svg`) rendered to PNG
 * at every size the two stores and browsers ask for, in two states.
 */

/** 16/32 toolbar (1× and 2×), 48 extensions page, 96 Firefox's add-ons manager at 2×, 128 Chrome Web Store. */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;
export type IconSize = (typeof ICON_SIZES)[number];

/** `on` is the normal icon; `off` is shown while Summit Lens is switched off for the tab's site or everywhere. */
export type IconState = 'on' | 'off';

/** Path inside the package (and under `public/`), as the manifest and `action.setIcon` name it. */
export function iconPath(size: IconSize, state: IconState): string {
  return state === 'on' ? `icon/${size}.png` : `icon/off-${size}.png`;
}

/** The `{ size: path }` map the manifest's `icons`, `action.default_icon` and `setIcon` take. */
export function iconSet(state: IconState): Record<string, string> {
  return Object.fromEntries(ICON_SIZES.map((size) => [String(size), iconPath(size, state)]));
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's header; a file that is not a PNG is an error that names it. */
export function pngSize(bytes: Uint8Array, name: string): { width: number; height: number } {
  const isPng = bytes.length >= 24 && PNG_SIGNATURE.every((b, i) => bytes[i] === b) && String.fromCharCode(...bytes.slice(12, 16)) === 'IHDR';
  if (!isPng) throw new Error(`${name} is not a PNG file`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * Every icon the manifest will name, checked against the files on disk:
 * a missing or wrongly sized file is an error naming it, so the build stops.
 */
export function checkIcons(read: (path: string) => Uint8Array | null): void {
  const problems: string[] = [];
  for (const state of ['on', 'off'] as const) {
    for (const size of ICON_SIZES) {
      const path = iconPath(size, state);
      const bytes = read(path);
      if (!bytes) {
        problems.push(`public/${path} is missing (run \`npm run icons\`)`);
        continue;
      }
      const { width, height } = pngSize(bytes, `public/${path}`);
      if (width !== size || height !== size) problems.push(`public/${path} is ${width}×${height}, expected ${size}×${size}`);
    }
  }
  if (problems.length) throw new Error(`Icons: ${problems.join('; ')}`);
}
