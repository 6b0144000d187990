import type { Mention } from './names';

/**
 * People the gazetteer does not know (a senator, an analyst, a spokesperson)
 * found by the shape of a personal name: two or more capitalised words
 * (`Lindsey Graham`, `Nguyễn Văn Hùng`, `Андрей Сухоруков`), then the last of
 * those words alone once the full name has appeared (`Graham said`, `ông Hùng`,
 * `Сухорукова`). Their words keep the name as written, never the nearest
 * known person's id.
 */

/** A run of capitalised words; one linear pass, no nested quantifier can backtrack. */
const RUN = /(?<![\p{L}\p{N}'’-])\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*)*/gu;

/**
 * Capitalised words that start or end a run without being part of a name:
 * sentence openers, titles, nationalities, places, days and months. Only
 * trimmed from the edges, since a word such as `Đức` (Germany) is also a
 * common Vietnamese middle name.
 */
const EDGE = new Set(
  `theo trong khi sau tại ở với về từ người ông bà chị các những một nhưng và còn cũng đó này thượng hạ tổng thủ bộ ngoại phó chủ cựu giáo tiến phát chuyên nhà nghị đại đặc trợ
  mỹ nga pháp đức anh ý ukraine trung quốc phần lan ba nhật hàn liên châu âu việt nam hoa kỳ moskva kiev kyiv washington alaska anchorage geneva helsinki hamburg
  the a an in on at but and when while after before as for with by from of to it this that if so yet aboard inside outside mr mrs ms dr sen rep gov president secretary minister
  senator ambassador former prime foreign state general vice deputy press chief professor governor speaker leader russian american ukrainian finnish european
  spokesperson spokesman spokeswoman majority minority whip chairman chairwoman envoy adviser advisor commander admiral
  analyst expert researcher scholar economist historian lawmaker congressman congresswoman mayor director official diplomat negotiator
  aide colonel lieutenant gen col lt adm host anchor correspondent editor daylight standard time zone
  german french british polish italian republican democrat democratic moscow washington kyiv brussels london paris berlin us u.s. uk eu asked meanwhile still
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december
  feb mar apr jun jul aug sep sept oct nov dec then italy canada israel iran syria thụy sĩ điển na uy ấn độ úc nato tây ban nha hungary belarus
  в на по с и но а как когда после президент министр глава помощник посол сенатор политолог эксперт депутат представитель представителя официальный россия сша москва украина вашингтон
  чем что кто где почему зачем какой какая какие каким чего это этот эта эти тогда теперь сам сама уже ли хельсинки женева женеве гамбург гамбурге анкоридж аляска`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Russian titles, bodies and countries in any case or number (`Президенты России`, `Министра`, `Лидеры США`): a list
 * of forms cannot keep up with the inflection, so the stem decides, with at most an ending after it.
 */
const RU_NOT_NAME = /^(?:президент|министр|помощник|посл|сенатор|политолог|эксперт|депутат|представител|лидер|глав|пресс-секретар|росси|украин|америк|европ|кремл)[а-яё]{0,3}$/iu;

/** The common Vietnamese family names, which open a full name of three words or more. */
const VI_FAMILY_NAMES = new Set(
  `nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh đào mai trịnh lương lâm cao
  tạ chu hà kiều quách thái tô tôn vương đoàn trương la lưu văn hứa`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that make a run an institution, a medium or a place rather than a person. */
const INSTITUTION = new Set(
  `trắng kremlin viện bộ trường báo đài tạp thông tấn xã hội đảng
  house senate congress capitol ministry department university institute forum council office committee agency times post news journal network union nations
  center centre foundation fund bank group party base palace villa airport tv radio reuters associated street square hall force
  кремль мид университет институт агентство совет дума госдумы комитет фонд центр газета белый белого белом белому`
    .split(/\s+/)
    .filter(Boolean),
);

/** English title words, which no personal name contains. */
const TITLE_WORD = /^(?:Minister|Secretary|President|Governor|Ambassador|Spokesperson|Spokesman|Spokeswoman|Adviser|Advisor|Envoy|Chairman|Chairwoman|Director|Chief|Commander|Senator|Mayor)$/u;
/** A lowercase word that makes the capitalised word after it a place: `vùng Primorye`, `bang Texas`, `state of Ohio`. */
const PLACE_BEFORE = /(?<![\p{L}])(?:vùng|bang|tỉnh|thành phố|khu vực|region of|state of|city of)\s$/u;

const CYRILLIC = /[\u0400-\u04FF]/u;
const HAS_LOWER = /\p{Ll}/u;

/**
 * Names of people outside the gazetteer in `text`, as `stranger` mentions.
 * `known` (sorted by start) are the gazetteer's mentions: a run is cut after
 * any of them it overlaps (`Người phát ngôn Nhà Trắng Karoline Leavitt`).
 */
export function findStrangers(text: string, known: Mention[]): Mention[] {
  const runs = nameRuns(text, known);
  // Full names first, so that a surname before the full name (`Murkowski: '…'` in a headline) is found too.
  const surnames = new Map<string, string>();
  /** Each full name in the nominative, read where it is written in full: a later surname alone keeps no case of its own. */
  const nominatives = new Map<string, string>();
  for (const words of runs) {
    if (words.length < 2) continue;
    const name = text.slice(words[0]!.start, words[words.length - 1]!.end);
    if (!nominatives.has(name)) nominatives.set(name, nominative(name, text.slice(Math.max(0, words[0]!.start - 60), words[0]!.start)));
    const longest = surnames.get(words[words.length - 1]!.word);
    if (!longest || longest.length < name.length) surnames.set(words[words.length - 1]!.word, name);
  }
  const out: Mention[] = [];
  for (const words of runs) {
    const first = words[0]!;
    const last = words[words.length - 1]!;
    const written = text.slice(first.start, last.end);
    // `Thu Hà` after `Lê Thị Thu Hà` is the same person, named by the end of her full name.
    const longest = surnames.get(last.word);
    const name = words.length >= 2 ? (longest?.endsWith(` ${written}`) ? longest : written) : fullNameOf(first.word, surnames);
    if (name) out.push(stranger(first.start, last.end, nominatives.get(name) ?? nominative(name, '')));
  }
  return out;
}

/** Capitalised runs outside `known` mentions, trimmed of words that are not names. */
function nameRuns(text: string, known: Mention[]): Word[][] {
  const out: Word[][] = [];
  let k = 0;
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    let start = m.index;
    const end = m.index + m[0].length;
    while (k < known.length && known[k]!.end <= start) k++;
    for (let j = k; j < known.length && known[j]!.start < end; j++) start = Math.max(start, known[j]!.end);
    if (start >= end) continue;
    const all = splitWords(text, start, end);
    // `Người phát ngôn Nhà Trắng Karoline Leavitt`, `Депутат Госдумы Игорь Мальцев`: the name follows the institution.
    let cut = 0;
    all.forEach((w, i) => {
      if (INSTITUTION.has(w.word.toLowerCase())) cut = i + 1;
    });
    const words = all.slice(cut);
    // Edges that are not names: titles, openers, places, and acronyms (`PGS.TS Phạm Đức Long`, `NATO`).
    const notName = (w: Word) => EDGE.has(w.word.toLowerCase()) || RU_NOT_NAME.test(w.word) || !HAS_LOWER.test(w.word);
    // `Hungarian Foreign Minister Peter Szijjarto`, `Slovak Defence Minister Jan Kollar`: whatever stands before a title
    // word is the title's (a country, a ministry), not a given name.
    const title = words.findLastIndex((w, i) => i < words.length - 2 && TITLE_WORD.test(w.word));
    if (title >= 0) words.splice(0, title + 1);
    while (words.length > 0 && notName(words[0]!)) words.shift();
    // `Thống đốc vùng Primorye Oleg Kozhemyako`, `the governor of Primorye Oleg …`: a place after its classifier opens the run.
    if (words.length > 2 && words[0]!.start === start && PLACE_BEFORE.test(text.slice(Math.max(0, start - 16), start))) words.shift();
    // `Đinh Thu Nga`, `Trần Văn Đức`: after a Vietnamese family name, a given name may be a country's word.
    const vietnameseFullName = words.length >= 3 && VI_FAMILY_NAMES.has(words[0]!.word.toLowerCase()) && words.slice(1, -1).every((w) => !notName(w));
    while (!vietnameseFullName && words.length > 0 && notName(words[words.length - 1]!)) words.pop();
    if (words.length === 0 || words.some((w) => !HAS_LOWER.test(w.word))) continue;
    out.push(russianName(words));
  }
  return out;
}

/**
 * A Russian name is a given name and a surname, with a patronymic between them at most; longer runs
 * carry the body before it in the genitive (`Совета Федерации Константин Косачев`), which no list of
 * institutions can cover in every case.
 */
function russianName(words: Word[]): Word[] {
  if (words.length <= 2 || !CYRILLIC.test(words[0]!.word)) return words;
  const patronymic = /(?:ович|евич|ич|овн|евн|ичн|иничн)(?:а|у|ем|е|ы|ой)?$/u.test(words[words.length - 2]!.word);
  return words.slice(patronymic ? -3 : -2);
}

/** Both lists sorted by start, merged into one. */
export function withStrangers(known: Mention[], strangers: Mention[]): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  let j = 0;
  while (i < known.length || j < strangers.length) {
    if (j >= strangers.length || (i < known.length && known[i]!.start <= strangers[j]!.start)) out.push(known[i++]!);
    else out.push(strangers[j++]!);
  }
  return out;
}

interface Word {
  word: string;
  start: number;
  end: number;
}

function splitWords(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  let at = start;
  for (const word of text.slice(start, end).split(' ')) {
    if (word !== '') out.push({ word, start: at, end: at + word.length });
    at += word.length + 1;
  }
  return out;
}

/** The full name a lone surname stands for; Russian surnames also in their case forms (`Сухорукова`, `Ланской`). */
function fullNameOf(word: string, surnames: Map<string, string>): string | null {
  const exact = surnames.get(word);
  if (exact) return exact;
  if (!CYRILLIC.test(word)) return null;
  for (const [surname, name] of surnames) {
    const stem = /[ая]$/u.test(surname) ? surname.slice(0, -2) : surname;
    if (stem.length >= 3 && word.startsWith(stem) && word.length - stem.length <= 3) return name;
  }
  return null;
}

function stranger(start: number, end: number, name: string): Mention {
  return { start, end, kind: 'stranger', person: null, country: null, leader: false, name };
}

/**
 * Words that put the name after them in the genitive, with its title between (`по словам политолога Игоря Дроздова`,
 * `по мнению депутата Госдумы Андрея Крылова`, `со слов эксперта`): there a man's `-ова` is his genitive, since a
 * woman's genitive would be `-овой`.
 */
const GENITIVE_BEFORE = /(?<![\p{L}])(?:по словам|по мнению|по оценке|по оценкам|по подсчетам|по подсчётам|со слов)\s+(?:[\p{L}-]+\s+){0,4}$/iu;
/** Given names whose genitive drops a vowel: `Павла` → `Павел`, `Льва` → `Лев`, `Петра` → `Пётр`. */
const FLEETING: Record<string, string> = { Павла: 'Павел', Льва: 'Лев', Петра: 'Пётр' };

/** A man's name in the genitive (`Игоря Дроздова`, `Дмитрия Сергеевича Соболева`), in the nominative. */
function masculineNominative(words: string[]): string | null {
  const last = words[words.length - 1]!;
  const surname = /(?:ов|ев|ёв|ин|ын)а$/u.test(last) ? last.slice(0, -1) : /(?:ск|цк)ого$/u.test(last) ? `${last.slice(0, -3)}ий` : null;
  if (surname === null) return null;
  const given = FLEETING[words[0]!] ?? words[0]!.replace(/ия$/u, 'ий').replace(/([еа])я$/u, '$1й').replace(/([бвгджзклмнпрстфхцчшщ])я$/u, '$1ь').replace(/([бвгджзклмнпрстфхцчшщ])а$/u, '$1');
  const patronymic = words.length === 3 ? [words[1]!.replace(/(ич)а$/u, '$1')] : [];
  return [given, ...patronymic, surname].join(' ');
}

/**
 * A Russian woman's name written in another case, put back in the
 * nominative where the ending leaves no doubt (`по мнению Алины Сорокиной` →
 * `Алина Сорокина`, `с Вероникой Ланской` → `Вероника Ланская`). A man's
 * surname in `-ова` could equally be a woman's nominative, so men's names
 * stay as written, unless `before` governs the genitive.
 */
function nominative(name: string, before: string): string {
  const words = name.split(' ');
  const last = words[words.length - 1]!;
  if ((words.length === 2 || words.length === 3) && CYRILLIC.test(last) && GENITIVE_BEFORE.test(before)) {
    const man = masculineNominative(words);
    if (man) return man;
  }
  if (words.length !== 2 || !CYRILLIC.test(last) || !/(?:ой|ую)$/u.test(last)) return name;
  const surname = /(?:ск|цк)(?:ой|ую)$/u.test(last) ? `${last.slice(0, -2)}ая` : /(?:ов|ев|ёв|ин|ын)(?:ой|у)$/u.test(last) ? last.replace(/(?:ой|у)$/u, 'а') : null;
  if (surname === null) return name;
  const given = words[0]!
    .replace(/ьей$|ьи$|ье$|ью$/u, 'ья')
    .replace(/ией$|ии$|ию$/u, 'ия')
    .replace(/(?:ой|ы|е|у)$/u, 'а')
    .replace(/(?:ей|и|ю)$/u, 'я');
  return `${given} ${surname}`;
}
