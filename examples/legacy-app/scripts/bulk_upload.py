#!/usr/bin/env python3
"""Upload every MP4 in a folder to one creator's TikTok inbox (used for back-catalogue imports).

Usage: TIKTOK_OPEN_ID=... TIKTOK_ACCESS_TOKEN=... python3 scripts/bulk_upload.py ./renders
"""
import os
import sys
import time
from pathlib import Path

import requests

UPLOAD_URL = os.environ.get("TIKTOK_UPLOAD_URL", "https://open-api.tiktok.com/share/video/upload/")


def upload(path: Path, open_id: str, access_token: str) -> str:
    with path.open("rb") as fh:
        resp = requests.post(
            UPLOAD_URL,
            params={"open_id": open_id, "access_token": access_token},
            files={"video": (f"{int(time.time())}.mp4", fh, "video/mp4")},
            timeout=300,
        )
    body = resp.json()["data"]
    if body.get("err_code", body.get("error_code")) != 0:
        raise RuntimeError(f"{path.name}: {body.get('error_msg')}")
    return body["share_id"]


def main(folder: str) -> int:
    open_id = os.environ["TIKTOK_OPEN_ID"]
    access_token = os.environ["TIKTOK_ACCESS_TOKEN"]
    failures = 0
    for path in sorted(Path(folder).glob("*.mp4")):
        try:
            print(path.name, upload(path, open_id, access_token))
        except (requests.RequestException, RuntimeError) as exc:
            failures += 1
            print(f"FAILED {exc}", file=sys.stderr)
        time.sleep(10)  # stay well under the rate limit
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "renders"))
