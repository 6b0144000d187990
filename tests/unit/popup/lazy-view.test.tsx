// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { UiLanguage } from '../../../src/settings/settings';
import { lazyView } from '../../../src/ui/popup/lazy-view';
import { until } from '../support/until';

interface Props {
  lang: UiLanguage;
  name: string;
}

const Greeting = ({ name }: Props) => <p class="greeting">Xin chào {name}</p>;

/** A module load the test settles by hand, as many times as the view asks. */
function loader() {
  const pending: { resolve(view: typeof Greeting): void; reject(error: Error): void }[] = [];
  const load = () => new Promise<typeof Greeting>((resolve, reject) => pending.push({ resolve, reject }));
  return { load, pending };
}

const root = () => document.body.appendChild(document.createElement('div'));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('lazyView', () => {
  it('says it is loading, shows the view once its module is in, and loads it once for every later showing', async () => {
    const { load, pending } = loader();
    const View = lazyView(load, (props: Props) => props.lang);
    const first = root();
    render(<View lang="en" name="Lan" />, first);
    expect(first.textContent).toBe('Loading…');
    expect(first.querySelector('[aria-busy="true"]')).not.toBeNull();
    await until(() => pending.length === 1, 'the module load');
    pending[0]!.resolve(Greeting);
    await until(() => first.querySelector('.greeting') !== null, 'the loaded view');
    expect(first.textContent).toBe('Xin chào Lan');

    const second = root();
    render(<View lang="vi" name="Minh" />, second);
    expect(second.textContent).toBe('Xin chào Minh');
    expect(pending.length).toBe(1);
  });

  it('shows a failed load in the user\'s language, and the next showing tries again', async () => {
    const { load, pending } = loader();
    const View = lazyView(load, (props: Props) => props.lang);
    const first = root();
    render(<View lang="en" name="Lan" />, first);
    await until(() => pending.length === 1, 'the module load');
    pending[0]!.reject(new Error('chunk missing from the package'));
    await until(() => first.querySelector('[role="alert"]') !== null, 'the failed load');
    expect(first.textContent).toBe('Could not load the data: chunk missing from the package');

    const second = root();
    render(<View lang="en" name="Minh" />, second);
    await until(() => pending.length === 2, 'a second module load');
    pending[1]!.resolve(Greeting);
    await until(() => second.querySelector('.greeting') !== null, 'the view loaded on the second try');
    expect(second.textContent).toBe('Xin chào Minh');
  });
});
