import * as part from './template.js';
import type { UploadClient } from './upload-client.js';

/**
 * XMLHttpRequest in browser code. The caller's own XHR sends the init, so its `onload` still reads
 * the response it expects (now the init's: `data.publish_id`, `error.code`); that handler is held
 * back until every chunk is in, the chunks going out on XHRs of their own, with the caller's upload
 * progress handler following them.
 */
export const xhrClient: UploadClient = {
  kind: 'xhr',
  takesClient: true,
  takesOptions: false,
  fileAs: 'blob',
  helper: `${part.HELPER_DOC}
function NAME(xhr«: XMLHttpRequest», accessToken«: string | undefined», video«: Blob | Uint8Array», ${part.VIDEO_TYPE_PARAM}) {
${part.SOURCE_INFO}
${part.TYPE_OF_VIDEO}
  const deliver = xhr.onload;
  // The caller's progress bar follows the video's bytes, not the init's few.
  const progress = xhr.upload.onprogress;
  xhr.upload.onprogress = null;
  xhr.onload = function (event) {
    const { data, error } = JSON.parse(xhr.responseText);
    if (xhr.status !== 200 || error.code !== 'ok') return deliver?.call(xhr, event);
    xhr.upload.onprogress = progress;
    let index = 0;
    const next = ()«: void» => {
      if (index === chunkCount) return void deliver?.call(xhr, event);
      const start = index * chunkSize;
      const end = index === chunkCount - 1 ? size : start + chunkSize;
      index++;
      const put = new XMLHttpRequest();
      put.open('PUT', data.upload_url);
      put.setRequestHeader('Content-Type', type);
      put.setRequestHeader('Content-Range', \`bytes \${start}-\${end - 1}/\${size}\`);
      put.upload.onprogress = (step) => xhr.upload.dispatchEvent(new ProgressEvent('progress', { lengthComputable: true, loaded: start + step.loaded, total: size }));
      // A refused chunk reaches the caller as a network error would have.
      put.onload = () => (put.status === 201 || put.status === 206 ? next() : xhr.dispatchEvent(new ProgressEvent('error')));
      put.onerror = () => xhr.dispatchEvent(new ProgressEvent('error'));
      put.send(video.slice(start, end));
    };
    next();
  };
  xhr.open('POST', 'INIT_URL');
  xhr.setRequestHeader('Authorization', \`Bearer \${accessToken}\`);
  xhr.setRequestHeader('Content-Type', 'INIT_CONTENT_TYPE');
  xhr.send(JSON.stringify({ source_info: sourceInfo }));
}`,
  pullHelper: `${part.PULL_HELPER_DOC}
function NAME(xhr«: XMLHttpRequest», accessToken«: string | undefined», videoUrl«: string | undefined») {
  xhr.open('POST', 'INIT_URL');
  xhr.setRequestHeader('Authorization', \`Bearer \${accessToken}\`);
  xhr.setRequestHeader('Content-Type', 'INIT_CONTENT_TYPE');
  xhr.send(JSON.stringify(${part.PULL_BODY}));
}`,
};
