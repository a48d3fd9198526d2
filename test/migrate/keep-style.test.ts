import { describe, expect, it } from 'vitest';
import { keepStyle } from '../../src/migrate/keep-style.js';

/**
 * recast prints a node it reprints with spaces for tabs and a semicolon after a closing brace where
 * the file wrote none: those lines are still the file's own, and come back byte for byte.
 */
describe('keepStyle: lines the codemod did not touch', () => {
  it('keeps a tab-indented line that recast printed again with spaces', () => {
    const original = "function f() {\n\tvar self = this;\n\treturn fetch('https://open-api.tiktok.com/x');\n}\n";
    const printed = "function f() {\n var self = this;\n return fetch('https://open.tiktokapis.com/y');\n}\n";
    // The changed line too: only its literal changed, so it keeps the file's tab.
    expect(keepStyle(original, printed, 'a.js')).toBe(
      "function f() {\n\tvar self = this;\n\treturn fetch('https://open.tiktokapis.com/y');\n}\n",
    );
  });

  it('gives back the layout of a case block recast indented anew for a TODO above it', () => {
    const original = [
      'switch (e) {',
      "  case 'a':",
      "  case 'b': {",
      '    const x = 1;',
      "    run(e === 'a' ? x : 2);",
      '    break;',
      '  }',
      '}',
      '',
    ].join('\n');
    const printed = [
      'switch (e) {',
      "  case 'c':",
      '  // TODO(migrate-share-video): b',
      "  case 'b':",
      '    {',
      '      const x = 1;',
      "      run(e === 'c' ? x : 2);",
      '      break;',
      '    }',
      '}',
      '',
    ].join('\n');
    expect(keepStyle(original, printed, 'a.js')).toBe(
      [
        'switch (e) {',
        "  case 'c':",
        '  // TODO(migrate-share-video): b',
        "  case 'b': {",
        '    const x = 1;',
        "    run(e === 'c' ? x : 2);",
        '    break;',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('gives back a block indented anew where tokens within its lines were dropped', () => {
    const original = ["  case 'a': {", '    const id = c.publish_id ?? c.share_id ?? c.id;', '    return id;', '  }', ''].join('\n');
    const printed = [
      '  // TODO(migrate-share-video): look',
      "  case 'a':",
      '    {',
      '      const id = c.publish_id ?? c.id;',
      '      return id;',
      '    }',
      '',
    ].join('\n');
    expect(keepStyle(original, printed, 'a.ts')).toBe(
      ['  // TODO(migrate-share-video): look', "  case 'a': {", '    const id = c.publish_id ?? c.id;', '    return id;', '  }', ''].join(
        '\n',
      ),
    );
  });

  it('gives back a one-line if that recast split under a TODO, with a field renamed in it', () => {
    const original = "  if (e === 'video.publish.done') archive(c.share_id);\n  h();\n";
    const printed = [
      '  // TODO(migrate-share-video): look',
      "  if (e === 'video.publish.done')",
      '    archive(c.publish_id);',
      '  h();',
      '',
    ].join('\n');
    expect(keepStyle(original, printed, 'a.js')).toBe(
      "  // TODO(migrate-share-video): look\n  if (e === 'video.publish.done') archive(c.publish_id);\n  h();\n",
    );
  });

  it('keeps a block indented anew where a change spans lines', () => {
    const original = ["  case 'a': {", '    go(1,', '      2);', '  }', ''].join('\n');
    const printed = ['  // TODO(migrate-share-video): look', "  case 'a':", '    {', '      go(3);', '    }', ''].join('\n');
    expect(keepStyle(original, printed, 'a.ts')).toBe(printed);
  });

  it('keeps a block indented anew where its code changed beyond literals', () => {
    const original = 'if (a) {\n  go(1);\n}\n';
    const printed = 'if (a) {\n  if (b) {\n    go(1);\n  }\n}\n';
    expect(keepStyle(original, printed, 'a.js')).toBe(printed);
  });

  it("keeps a closing brace without the semicolon recast added, but not a changed line's own semicolon", () => {
    const original = "var urls = {\n  a: 'x',\n}\nexport type E =\n  | 'post.publish.complete'\n  | 'video.publish.completed';\n";
    const printed = "var urls = {\n  a: 'y',\n};\nexport type E =\n  | 'post.publish.complete';\n";
    expect(keepStyle(original, printed, 'a.ts')).toBe("var urls = {\n  a: 'y',\n}\nexport type E =\n  | 'post.publish.complete';\n");
  });

  it('keeps the last line of a chain without the semicolon recast added, in a file that writes some', () => {
    const original = 'const a = 1;\nconst { error } = await db\n  .from(t)\n  .eq(k, v)\n\nif (error) throw error\n';
    const printed =
      'const a = 1;\n// TODO(migrate-share-video): x\nconst { error } = await db\n  .from(t)\n  .eq(k, v);\n\nif (error) throw error\n';
    expect(keepStyle(original, printed, 'a.ts')).toBe(
      'const a = 1;\n// TODO(migrate-share-video): x\nconst { error } = await db\n  .from(t)\n  .eq(k, v)\n\nif (error) throw error\n',
    );
  });

  it("ends a changed line as the file's own did, unless the next line would continue it", () => {
    const original = 'const a = 1;\nreturn p.data.open_id\n';
    const printed = 'const a = 1;\nreturn p.open_id;\n';
    expect(keepStyle(original, printed, 'a.ts')).toBe('const a = 1;\nreturn p.open_id\n');
    // A TODO written above the changed line does not count as one of its lines.
    const withTodo = 'const a = 1;\nconst url = "https://open-api.tiktok.com/x"\n';
    const printedWithTodo = 'const a = 1;\n// TODO(migrate-share-video): y\nconst url = "https://www.tiktok.com/y";\n';
    expect(keepStyle(withTodo, printedWithTodo, 'a.js')).toBe(
      'const a = 1;\n// TODO(migrate-share-video): y\nconst url = "https://www.tiktok.com/y"\n',
    );
    const hazard = 'const a = 1;\nrun(p.data.open_id)\n';
    const printedHazard = 'const a = 1;\nrun(p.open_id);\n[1, 2].forEach(go);\n';
    expect(keepStyle(hazard, printedHazard, 'a.ts')).toBe(printedHazard);
  });

  it('keeps an untouched line without the semicolon recast added when a TODO follows it', () => {
    // The TODO below starts with `/`, but a comment continues nothing: the line after it decides.
    const original = "const form = make()\nform.append('video', clip)\nconst res = await send(form)\n";
    const printed =
      "const form = make();\n// TODO(migrate-share-video): a\nform.append('video', clip);\n// TODO(migrate-share-video): b\nconst res = await send(form);\n";
    expect(keepStyle(original, printed, 'a.js')).toBe(
      "const form = make()\n// TODO(migrate-share-video): a\nform.append('video', clip)\n// TODO(migrate-share-video): b\nconst res = await send(form)\n",
    );
    // A line of code that would continue it still keeps the semicolon, comments between or not.
    const hazard = 'go()\nconst list = make()\n';
    const printedHazard = 'go();\n// TODO(migrate-share-video): c\n[1, 2].forEach(run);\nconst list = make();\n';
    expect(keepStyle(hazard, printedHazard, 'a.js')).toContain('go();\n');
  });

  it('gives a callback in a chain its own indentation back where recast printed its body again', () => {
    const original =
      "bucket\n  .pipe(out)\n  .on('finish', async () => {\n    const form = make();\n    await send(form);\n    done();\n  });\n";
    const printed = "bucket\n  .pipe(out)\n  .on('finish', async () => {\n  await upload();\n  done();\n});\n";
    expect(keepStyle(original, printed, 'a.js')).toBe(
      "bucket\n  .pipe(out)\n  .on('finish', async () => {\n    await upload();\n    done();\n  });\n",
    );
  });

  it('does not take back an indentation the codemod changed on purpose', () => {
    const original = 'interface T {\n  data: {\n    access_token: string;\n  };\n}\n';
    const printed = 'interface T {\n  access_token: string;\n}\n';
    expect(keepStyle(original, printed, 'a.ts')).toBe(printed);
  });
});
