import { HELPER_DOC, PULL_BODY, PULL_HELPER_DOC, SOURCE_INFO } from './template.js';
import type { UploadClient } from './upload-client.js';

/**
 * XMLHttpRequest in browser code. The caller's own XHR sends the init, so its `onload` still reads
 * the response it expects (now the init's: `data.publish_id`, `error.code`); that handler is held
 * back until every chunk is in, the chunks going out on XHRs of their own.
 */
export const xhrClient: UploadClient = {
  kind: 'xhr',
  takesClient: true,
  takesOptions: false,
  fileAs: 'blob',
  helper: `${HELPER_DOC}
function NAME(xhr«: XMLHttpRequest», accessToken«: string», video«: Blob | Uint8Array») {
${SOURCE_INFO}
  const deliver = xhr.onload;
  xhr.onload = function (event) {
    const { data, error } = JSON.parse(xhr.responseText);
    if (xhr.status !== 200 || error.code !== 'ok') return deliver?.call(xhr, event);
    let index = 0;
    const next = ()«: void» => {
      if (index === chunkCount) return void deliver?.call(xhr, event);
      const start = index * chunkSize;
      const end = index === chunkCount - 1 ? size : start + chunkSize;
      index++;
      const put = new XMLHttpRequest();
      put.open('PUT', data.upload_url);
      put.setRequestHeader('Content-Type', 'VIDEO_TYPE');
      put.setRequestHeader('Content-Range', \`bytes \${start}-\${end - 1}/\${size}\`);
      put.onload = () => (put.status === 201 || put.status === 206 ? next() : xhr.onerror?.call(xhr, event));
      put.onerror = (failure) => xhr.onerror?.call(xhr, failure);
      put.send(video.slice(start, end));
    };
    next();
  };
  xhr.open('POST', 'INIT_URL');
  xhr.setRequestHeader('Authorization', \`Bearer \${accessToken}\`);
  xhr.setRequestHeader('Content-Type', 'INIT_CONTENT_TYPE');
  xhr.send(JSON.stringify({ source_info: sourceInfo }));
}`,
  pullHelper: `${PULL_HELPER_DOC}
function NAME(xhr«: XMLHttpRequest», accessToken«: string», videoUrl«: string») {
  xhr.open('POST', 'INIT_URL');
  xhr.setRequestHeader('Authorization', \`Bearer \${accessToken}\`);
  xhr.setRequestHeader('Content-Type', 'INIT_CONTENT_TYPE');
  xhr.send(JSON.stringify(${PULL_BODY}));
}`,
};
