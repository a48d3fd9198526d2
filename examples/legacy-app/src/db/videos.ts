import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });

/** One row per rendered clip. share_id is the id TikTok gave the upload; the webhook matches on it. */
export interface VideoRow {
  id: number;
  title: string;
  share_id: string | null;
  status: 'rendered' | 'uploaded' | 'published' | 'failed';
  preview_guid: string | null;
  preview_status: 'pending' | 'ready' | 'failed';
}

export async function saveShareId(videoId: number, shareId: string): Promise<void> {
  await pool.query("UPDATE videos SET share_id = $1, status = 'uploaded' WHERE id = $2", [shareId, videoId]);
}

export async function markPublished(shareId: string): Promise<VideoRow | undefined> {
  const { rows } = await pool.query<VideoRow>("UPDATE videos SET status = 'published' WHERE share_id = $1 RETURNING *", [shareId]);
  return rows[0];
}

export async function markUploadFailed(shareId: string): Promise<void> {
  await pool.query("UPDATE videos SET status = 'failed' WHERE share_id = $1", [shareId]);
}

export async function setPreviewStatus(guid: string, status: VideoRow['preview_status']): Promise<void> {
  await pool.query('UPDATE videos SET preview_status = $1 WHERE preview_guid = $2', [status, guid]);
}

export async function listPublished(): Promise<Array<Pick<VideoRow, 'id' | 'title' | 'share_id'>>> {
  const { rows } = await pool.query<VideoRow>("SELECT * FROM videos WHERE status = 'published' ORDER BY id DESC");
  return rows.map((row) => ({ id: row.id, title: row.title, share_id: row.share_id }));
}
