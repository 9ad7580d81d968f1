import { describe, expect, it } from 'vitest';
import type { PublicWidget } from './widget.js';
import { buildSnippets, jsonForInlineScript, scriptForInlineScript } from './widget-snippets.js';

const publicWidget: PublicWidget = {
  id: 'w_1"><b>',
  businessName: 'Tom & Jerry </script><script>alert(1)</script> <!-- \u2028\u2029',
  timeZone: 'Europe/Berlin',
  color: '#25d366',
  textColor: '#ffffff',
  position: 'right',
  openByDefault: false,
  buttonMessage: 'Chat with us',
  widgetMessage: 'Hello',
  operators: [],
};

describe('jsonForInlineScript', () => {
  it('round-trips through JSON.parse and contains no HTML-significant characters', () => {
    const json = jsonForInlineScript(publicWidget);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(publicWidget);
  });

  it('is also valid as a JavaScript expression', () => {
    const json = jsonForInlineScript(publicWidget);
    expect(new Function(`return ${json};`)()).toEqual(publicWidget);
  });
});

describe('scriptForInlineScript', () => {
  it('neutralises closing tags and comment openers without changing meaning', () => {
    const source = 'var a = "</script><!--", b = /<\\/SCRIPT>/; window.__result = [a, b.test("</SCRIPT>")];';
    const safe = scriptForInlineScript(source);
    expect(safe).not.toMatch(/<\/script|<!--/i);
    const context: { __result?: unknown } = {};
    new Function('window', safe)(context);
    expect(context.__result).toEqual(['</script><!--', true]);
  });
});

describe('buildSnippets', () => {
  const snippets = buildSnippets({
    publicWidget,
    scriptUrl: 'https://chat.example.com:8443/widget.js?v=1&x=2',
    scriptSource: 'console.log("</script>")',
  });

  it('builds the hosted tag with escaped attributes', () => {
    expect(snippets.hosted).toBe(
      '<script defer data-widget="w_1&quot;&gt;&lt;b&gt;" ' +
        'src="https://chat.example.com:8443/widget.js?v=1&amp;x=2"></script>',
    );
  });

  it('builds a self-contained snippet with exactly two script elements', () => {
    expect(snippets.selfContained.match(/<script/gi)).toHaveLength(2);
    expect(snippets.selfContained.match(/<\/script>/gi)).toHaveLength(2);
    expect(snippets.selfContained).toContain(
      `window.ChatdockWidgetConfig = ${jsonForInlineScript(publicWidget)};`,
    );
    expect(snippets.selfContained).toContain('console.log("<\\/script>")');
  });
});
