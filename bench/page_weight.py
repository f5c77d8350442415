"""Print what a page costs to load: every request, its host and its body size, and the total
outside images. Usage: .venv/bin/python bench/page_weight.py [URL] (site served by `make run`)."""

import sys
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

URL = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000/"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def main():
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page()
        page.on("requestfinished", lambda request: rows.append(request))
        page.goto(URL, wait_until="networkidle")
        results = []
        for request in rows:
            sizes = request.sizes()
            results.append(
                (
                    request.url,
                    request.resource_type,
                    sizes["responseBodySize"],
                    sizes["responseHeadersSize"],
                )
            )
        browser.close()
    site = urlsplit(URL).netloc
    total = 0
    for url, kind, body, headers in results:
        counted = kind != "image"
        total += (body + headers) if counted else 0
        print(f"{kind:<10} {body:>8} B  {'' if counted else '(image, not counted) '}{url}")
    foreign = [url for url, *_ in results if urlsplit(url).netloc != site]
    print(f"\n{len(results)} requests, {len(foreign)} to another host")
    print(f"HTML + CSS + JS + fonts (bodies and headers): {total / 1024:.1f} KB")


if __name__ == "__main__":
    main()
