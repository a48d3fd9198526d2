// How each browser (XMLHttpRequest) upload fixture is exercised, by fixture name: what a page would do
// to start its upload, and how it learns the result. The same scenario runs the input (legacy upload)
// and the output (Content Posting). Each returns
//   { outcome: string, responseText?: string }
// `outcome` names how the fixture reported the end (its callback, promise or state); `responseText`
// is the server's answer it handed back, when it hands one back (legacy: data.share_id; after
// migration the init response: data.publish_id).
//
// A scenario gets { module, file, openId, accessToken, react }: the loaded fixture, the video as a
// browser File, the user, and the fixture's `react` (the stub in react-stub/), when it imports one.

/** Depth-first in an element tree of the stub JSX runtime: the first function prop named `name`. */
export function findHandler(node, name) {
  if (node == null || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findHandler(child, name);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof node.props?.[name] === 'function') return node.props[name];
  return findHandler(node.props?.children, name);
}

/** A file input's change event holding `file`. */
const fileChange = (file) => {
  const input = { files: [file], value: `C:\\fakepath\\${file.name}` };
  return { type: 'change', target: input, currentTarget: input, preventDefault() {}, stopPropagation() {} };
};

export const scenarios = {
  /** A component with a file input: its onChange uploads, `onDone(xhr.status, xhr.responseText)` reports. */
  'xhr-react-component': async ({ module, file, openId, accessToken }) => {
    let onDone;
    const done = new Promise((resolve) => {
      onDone = (status, responseText) => resolve({ status, responseText });
    });
    const tree = module.TikTokUploadButton({ openId, accessToken, onDone });
    const onChange = findHandler(tree, 'onChange');
    if (!onChange) throw new Error('TikTokUploadButton renders no onChange handler');
    onChange(fileChange(file));
    const { status, responseText } = await done;
    return { outcome: `onDone ${status}`, responseText };
  },

  /** A function returning a promise of `xhr.responseText`, with a progress callback. */
  'xhr-browser-module-promise': async ({ module, file, openId, accessToken }) => {
    const responseText = await module.uploadWithProgress({ openId, accessToken }, file, () => {});
    return { outcome: 'resolved', responseText };
  },

  /** A hook whose `upload(file)` sets its status state to 'done' or 'failed' in `xhr.onload`/`onerror`. */
  'xhr-tsx-upload-hook': async ({ module, file, openId, accessToken, react }) => {
    const { upload } = module.useTikTokUpload(openId, accessToken);
    const settled = react.nextStateUpdate((value) => value === 'done' || value === 'failed');
    upload(file);
    return { outcome: `status ${await settled}` };
  },
};
