#!/usr/bin/env python3
"""Opens a mailed report's HTML part (written by mail_parse.py with its images resolved) in
headless Chromium through python3-selenium, at a phone's and a desktop's width, and prints for
each width every image's source kind, whether it loaded and its drawn size, whether the page
scrolls sideways, and a screenshot's path.

usage: mail_render.py OUTDIR"""
import json, os, sys
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

outdir = sys.argv[1]
seen = {}
for name, width, height in [("phone", 390, 844), ("desktop", 1280, 900)]:
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                f"--window-size={width},{height}", f"--user-data-dir={outdir}/profile-{name}"]:
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get("file://" + os.path.join(outdir, "mail.html"))
        images = driver.execute_script(
            "return Array.from(document.images).map(i => [i.src.slice(0, 22), i.complete, i.naturalWidth, i.getBoundingClientRect().width])")
        overflow = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        shot = os.path.join(outdir, f"mail-{name}.png")
        driver.save_screenshot(shot)
        seen[name] = {"images": images, "overflow": overflow, "screenshot": shot}
    finally:
        driver.quit()
print(json.dumps(seen))
