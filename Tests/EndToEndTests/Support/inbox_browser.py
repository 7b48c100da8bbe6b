#!/usr/bin/env python3
"""Drives the on-call inbox of a running `reputa serve` in headless Chromium (Debian's chromium and
chromium-driver, through python3-selenium), as on-call staff would: sign in, read the queue, filter
it, open a flag and take every step by clicking. Prints what it saw as JSON; the Swift test
(ServeBrowserTests) compares it with `reputa flags`.

usage: inbox_browser.py BASE USER PASSWORD OUTDIR WIDTH HEIGHT FLAG_ID [mobile] [--links ID,ID,...]
(--links: flags whose pages' portal links are read, by flag id)"""
import json, sys
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

base, user, password, outdir, width, height, flag = sys.argv[1:8]
mobile = "mobile" in sys.argv[8:]
link_flags = sys.argv[sys.argv.index("--links") + 1].split(",") if "--links" in sys.argv else []
width, height = int(width), int(height)

options = Options()
options.binary_location = "/usr/bin/chromium"
for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
            f"--window-size={width},{height}", f"--user-data-dir={outdir}/profile"]:
    options.add_argument(arg)
if mobile:
    options.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": width, "height": height, "pixelRatio": 2.0, "touch": True},
        "userAgent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36"})
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.implicitly_wait(5)
seen = {"console": [], "overflow": {}, "done": []}


def page_state(name):
    """How wide the page is against the viewport (no sideways scrolling on a phone)."""
    seen["overflow"][name] = driver.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]")


def click(element):
    """Clicks what loads a new page, and waits until it has replaced the old one: the old page
    carries a mark (set through WebDriver, not by a script of the page) that the new one lacks."""
    driver.execute_script("window.__reputaOldPage = true")
    element.click()
    # A script run while the page unloads may fail: that is still "not yet".
    WebDriverWait(driver, 10, ignored_exceptions=(WebDriverException,)).until(lambda d: d.execute_script(
        "return window.__reputaOldPage === undefined && document.readyState === 'complete'"))


def ids():
    return [int(e.get_attribute("data-id")) for e in driver.find_elements(By.CSS_SELECTOR, "ol.queue li")]


try:
    driver.get(base + "/")
    seen["login_url"] = driver.current_url
    driver.find_element(By.NAME, "name").send_keys(user)
    driver.find_element(By.NAME, "password").send_keys(password)
    click(driver.find_element(By.CSS_SELECTOR, "form.signin button"))
    driver.find_element(By.CSS_SELECTOR, "ol.queue")
    seen["queue"] = ids()
    page_state("queue")
    driver.save_screenshot(f"{outdir}/queue.png")
    first = driver.find_elements(By.CSS_SELECTOR, "ol.queue li")[0]
    seen["first_row"] = first.text
    seen["first_row_height"] = first.size["height"]

    # Filters: open the panel, pick Roma and high, apply.
    driver.find_element(By.CSS_SELECTOR, "details.filters summary").click()
    Select(driver.find_element(By.NAME, "location")).select_by_value("roma")
    Select(driver.find_element(By.NAME, "level")).select_by_value("high")
    click(driver.find_element(By.CSS_SELECTOR, "details.filters button"))
    driver.find_element(By.CSS_SELECTOR, "ol.queue")
    seen["filtered"] = ids()
    seen["filtered_url"] = driver.current_url

    # The flag: open it from the queue when listed, else by address; then every step by clicking.
    driver.get(base + "/flags/" + flag)
    page_state("flag")
    driver.save_screenshot(f"{outdir}/flag.png")
    seen["flag_title"] = driver.find_element(By.TAG_NAME, "h1").text
    # The reply draft: the Copy button shows only when the page's script ran (CSP allows this site's).
    seen["copy_visible"] = driver.find_element(By.CSS_SELECTOR, "button.copy").is_displayed()
    seen["draft_lang"] = driver.find_element(By.ID, "draft").get_attribute("lang")
    seen["links"] = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "section.links a")]
    seen["no_link"] = [p.text for p in driver.find_elements(By.CSS_SELECTOR, "section.links p.notice")]

    def step(action, fill=None):
        form = driver.find_element(By.CSS_SELECTOR, f"form[action='/flags/{flag}/{action}']")
        if fill:
            fill(form)
        click(form.find_element(By.TAG_NAME, "button"))
        seen["done"].append(driver.find_element(By.CSS_SELECTOR, "p.done").text)

    step("ack")
    step("assign", lambda f: Select(f.find_element(By.NAME, "to")).select_by_value(user))
    step("comment", lambda f: f.find_element(By.NAME, "note").send_keys("Chiamato il cliente"))
    step("resolve", lambda f: f.find_element(By.NAME, "note").send_keys("Risposto sul portale"))
    step("reopen", lambda f: f.find_element(By.NAME, "note").send_keys("Il cliente ha risposto ancora"))
    seen["history"] = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "section.history li")]
    page_state("after_steps")
    # Each listed flag's links on its portal, as the page shows them.
    seen["portal_links"] = {}
    for other in link_flags:
        driver.get(base + "/flags/" + other)
        seen["portal_links"][other] = {
            "review": [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "section.links a")],
            "reply": [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "section.reply a.button")],
            "none": bool(driver.find_elements(By.CSS_SELECTOR, "section.links p.notice")),
        }
    seen["console"] = [entry["message"] for entry in driver.get_log("browser")]
finally:
    driver.quit()
print(json.dumps(seen))
