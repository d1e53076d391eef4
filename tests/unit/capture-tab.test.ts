import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { captureTab } from '@/lib/capture';

const capture = {
  url: 'https://example.org/team',
  expected: false,
  people: [{ name: 'Jane Doe', emails: ['Jane@Example.org'], source: 'json-ld' }],
};

type Scripting = { executeScript: (...args: unknown[]) => Promise<unknown> };
const scripting = () => (browser as unknown as { scripting: Scripting }).scripting;

describe('captureTab', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    (browser as unknown as { scripting: Scripting }).scripting ??= { executeScript: async () => [] };
  });

  it('asks the content script first and parses its answer', async () => {
    vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: capture } as never);
    const executeScript = vi.spyOn(scripting(), 'executeScript');
    const result = await captureTab(7);
    expect(result !== 'unreadable' && result?.people[0]).toMatchObject({ name: 'Jane Doe', emails: ['jane@example.org'], fieldSources: {} });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('cleans what the page sends: a refused candidate is dropped, one person read twice is merged', async () => {
    const people = [
      { name: '  ', emails: [], source: 'json-ld' },
      { name: 'Jane Doe', emails: ['Jane@Example.org'], source: 'json-ld' },
      { name: 'Ghost', emails: [], source: 'no-such-source' },
      { name: 'Jane Doe', emails: ['jane@example.org'], title: 'CTO', source: 'mailto', fieldSources: { title: 'x' } },
    ];
    vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: { ...capture, people } } as never);
    const result = await captureTab(7);
    expect(result !== 'unreadable' && result?.people).toEqual([
      expect.objectContaining({ name: 'Jane Doe', emails: ['jane@example.org'], title: 'CTO', fieldSources: { title: 'x' } }),
    ]);
  });

  it('injects the capture script where no content script answers, at once rather than when the page has loaded', async () => {
    vi.spyOn(browser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const executeScript = vi.spyOn(scripting(), 'executeScript').mockResolvedValue([{ frameId: 0, result: capture }]);
    expect(await captureTab(7)).toMatchObject({ people: [{ name: 'Jane Doe' }] });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/capture-page.js'], injectImmediately: true });
  });

  it("on a site's page without its content script, loads that script and asks it", async () => {
    const sendMessage = vi
      .spyOn(browser.tabs, 'sendMessage')
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockResolvedValueOnce({ ok: true, value: { ...capture, url: 'https://www.linkedin.com/in/jane/', expected: true } } as never);
    const executeScript = vi
      .spyOn(scripting(), 'executeScript')
      .mockResolvedValueOnce([{ frameId: 0, result: { site: 'linkedin' } }])
      .mockResolvedValueOnce([{ frameId: 0, result: undefined }]);
    expect(await captureTab(7)).toMatchObject({ expected: true, people: [{ name: 'Jane Doe' }] });
    expect(executeScript.mock.calls).toEqual([
      [{ target: { tabId: 7 }, files: ['/capture-page.js'], injectImmediately: true }],
      [{ target: { tabId: 7 }, files: ['/content-scripts/linkedin.js'], injectImmediately: true }],
    ]);
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  it('a content script that answers with an error or nonsense is not loaded again beside itself', async () => {
    const executeScript = vi.spyOn(scripting(), 'executeScript');
    const sendMessage = vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue({ ok: false, error: 'boom' } as never);
    expect(await captureTab(7)).toBeUndefined();
    sendMessage.mockResolvedValue({ ok: true, value: { url: 42 } } as never);
    expect(await captureTab(7)).toBeUndefined();
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('says where no script may run, and is undefined when the page answers nonsense', async () => {
    vi.spyOn(browser.tabs, 'sendMessage').mockRejectedValue(new Error('no receiver'));
    const executeScript = vi.spyOn(scripting(), 'executeScript').mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    expect(await captureTab(7)).toBe('unreadable');
    executeScript.mockResolvedValue([{ frameId: 0, result: { url: 'javascript:alert(1)', expected: false, people: [] } }]);
    expect(await captureTab(7)).toBeUndefined();
  });
});
