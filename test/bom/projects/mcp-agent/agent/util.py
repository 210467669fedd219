"""Helpers with no AI: HTTP retries."""
import time

import requests


def get_json(url: str, tries: int = 3) -> dict:
    for i in range(tries):
        r = requests.get(url, timeout=5)
        if r.ok:
            return r.json()
        time.sleep(2 ** i)
    r.raise_for_status()
    return {}
