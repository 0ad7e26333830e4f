"""The page of `fundsim serve` in a real browser (Debian's chromium, headless,
driven by python3-selenium and chromium-driver): it opens the printed address,
moves the M3C cap (m3c.amount) slider with the keyboard, waits for the answer
and prints the override and the total the page shows, for tests/serve_browser.sh
to compare with `fundsim run --set`. With SHOTS=DIR it also saves screenshots of
the page in Chinese and English.

It checks that the districts' table is shown with the ten districts and a
total row equal to the lines' total, and the budget owners' tab.

Usage: serve_browser.py URL STEPS  (STEPS: how many times the left arrow is pressed)
Prints: KEY=VALUE<TAB>TOTAL_YUAN<TAB>TOTAL_TEXT
Usage: serve_browser.py URL --report-refused  (a server started with --entities)
  clicks the report export and expects the server's refusal shown in red.
Prints: the message shown
"""
import json
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

KEY = "m3c.amount"


def fail(msg):
    print("FAIL serve_browser: " + msg, file=sys.stderr)
    sys.exit(1)


def wait(cond, what, seconds=120):
    end = time.time() + seconds
    while time.time() < end:
        v = cond()
        if v:
            return v
        time.sleep(0.1)
    fail("timed out waiting for " + what)


def where_tables(d):
    """The districts' tab, shown first: ten districts and a total equal to the
    lines' total; then the budget owners' tab: four owners, new money, total."""
    dt = d.find_element(By.ID, "districts-table")
    if not dt.is_displayed():
        fail("the districts' table is not shown")
    trs = dt.find_elements(By.TAG_NAME, "tr")
    names = [tr.find_elements(By.TAG_NAME, "td")[0].text for tr in trs[1:]]
    if len(names) < 11 or "苏州工业园区" not in names or "昆山市" not in names:
        fail("the districts' table shows %s" % names)
    total = trs[-1].find_elements(By.TAG_NAME, "td")[1].text
    lines = d.find_element(By.ID, "lines-table").find_elements(By.TAG_NAME, "tr")[-1]
    if total != lines.find_elements(By.TAG_NAME, "td")[2].text or not total[0].isdigit():
        fail("the districts' total %s is not the lines' %s"
             % (total, lines.find_elements(By.TAG_NAME, "td")[2].text))
    if d.find_element(By.ID, "owners-table").is_displayed():
        fail("both tabs shown at once")
    d.find_element(By.CSS_SELECTOR, 'button.tab[data-tab="owners"]').click()
    ot = d.find_element(By.ID, "owners-table")
    rows = ot.find_elements(By.TAG_NAME, "tr")
    if not ot.is_displayed() or dt.is_displayed() or len(rows) != 7:
        fail("the budget owners' tab: shown %s, %d rows" % (ot.is_displayed(), len(rows)))
    if "软件产业专项资金" not in ot.text:
        fail("the budget owners' table: %s" % ot.text[:200])
    d.find_element(By.CSS_SELECTOR, 'button.tab[data-tab="districts"]').click()


def report_refused(d):
    d.find_element(By.CSS_SELECTOR, 'button.export[data-kind="report"]').click()
    st = d.find_element(By.ID, "export-status")
    wait(lambda: st.get_attribute("data-status"), "the export's answer", 60)
    if st.get_attribute("data-status") != "409" or "err" not in st.get_attribute("class"):
        fail("the refused report: HTTP %s, class %s"
             % (st.get_attribute("data-status"), st.get_attribute("class")))
    return st.text


def typed(d, key, text):
    box = d.find_element(By.CSS_SELECTOR, 'input[type=text][data-key="%s"]' % key)
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.clear()
    box.send_keys(text, Keys.TAB)
    return box


def refused_box(d, total):
    """A value typed as a planner writes it is taken (1,500,000元); one the
    parser refuses (五%) stays in its box, marked, with the reason in plain
    words beside it (no --set syntax), is not counted as a change, and the
    results say they are for the values last accepted."""
    n = d.execute_script("return document.body.dataset.answers")
    box = typed(d, "m1a.cap", "1,500,000元")

    def taken():
        t = d.find_element(By.ID, "total-mean")
        ov = json.loads(t.get_attribute("data-overrides") or "{}")
        return (d.execute_script("return document.body.dataset.answers") != n
                and ov.get("m1a.cap") == "1500000元" and t.get_attribute("data-yuan"))
    cap_total = wait(taken, "1,500,000元 taken")
    if cap_total == total or box.get_attribute("value") != "1500000元":
        fail("1,500,000元: total %s (was %s), box %r" % (cap_total, total, box.get_attribute("value")))
    changed = d.find_element(By.ID, "changed").text
    box = typed(d, "m1a.rate", "五%")
    param = d.find_element(By.CSS_SELECTOR, '.param[data-key="m1a.rate"]')
    err = param.find_element(By.CSS_SELECTOR, ".err")
    msg = wait(lambda: err.text, "the reason beside m1a.rate", 30)
    if "invalid" not in param.get_attribute("class") or box.get_attribute("value") != "五%":
        fail("五%%: not marked in its box (%s, %r)" % (param.get_attribute("class"),
                                                 box.get_attribute("value")))
    if "五%" not in msg or "--set" in msg or "[m1a]" in msg or "5%" not in msg:
        fail("beside m1a.rate: %r" % msg)
    if d.find_element(By.ID, "changed").text != changed:
        fail("a refused value counted: %r, was %r" % (d.find_element(By.ID, "changed").text, changed))
    status = d.find_element(By.ID, "status").text
    if "m1a.rate" not in status or "--set" in status:
        fail("the status line: %r" % status)
    note = d.find_element(By.ID, "answer-note")
    if "warn" not in note.get_attribute("class") or not note.text:
        fail("the results do not say they are for the values last accepted: %r" % note.text)
    if d.find_element(By.ID, "total-mean").get_attribute("data-yuan") != cap_total:
        fail("a refused value changed the total shown")
    # corrected: taken, and the marks go
    typed(d, "m1a.rate", "5%")
    wait(lambda: "invalid" not in param.get_attribute("class") and not err.text, "the mark cleared", 30)
    # back to the draft for the screenshots
    d.find_element(By.ID, "reset").click()
    wait(lambda: d.execute_script("return document.body.dataset.state") == "ready"
         and d.find_element(By.ID, "total-mean").get_attribute("data-overrides") == "{}",
         "the draft again")


def main():
    url, steps = sys.argv[1], sys.argv[2]
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--window-size=1400,1300", "--lang=zh-CN"):
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    try:
        d.get(url)
        if "token=" in d.current_url:
            fail("the token stays in the address bar: " + d.current_url)
        # the first answer: the draft itself
        wait(lambda: d.execute_script("return document.body.dataset.answers"), "the first answer")
        answers = d.execute_script("return document.body.dataset.answers")
        if steps == "--report-refused":
            print(report_refused(d))
            return
        steps = int(steps)
        where_tables(d)
        # 第3条's group, folded at first, opened as a person would
        d.find_element(By.CSS_SELECTOR, 'summary[data-clause="第3条"]').click()
        r = d.find_element(By.CSS_SELECTOR, 'input[type=range][data-key="%s"]' % KEY)
        d.execute_script("arguments[0].scrollIntoView({block: 'center'})", r)
        box = d.find_element(By.CSS_SELECTOR, 'input[type=text][data-key="%s"]' % KEY)
        before = box.get_attribute("value")
        for _ in range(steps):
            r.send_keys(Keys.ARROW_LEFT)
        value = box.get_attribute("value")
        if value == before:
            fail("the slider did not move %s (still %s)" % (KEY, value))

        def answered():
            st = d.execute_script("return document.body.dataset.state")
            n = d.execute_script("return document.body.dataset.answers")
            t = d.find_element(By.ID, "total-mean")
            ov = json.loads(t.get_attribute("data-overrides") or "{}")
            return st == "ready" and n != answers and ov.get(KEY) == value and t
        t = wait(answered, "the answer for %s=%s" % (KEY, value))
        total, text = t.get_attribute("data-yuan"), t.text
        # 409 answers (a newer request took over) are the network's business
        severe = [e for e in d.get_log("browser")
                  if e["level"] == "SEVERE" and e.get("source") != "network"]
        if severe:
            fail("errors in the page: %s" % severe)
        # a bad value: --set's message beside the control, the last answer kept
        box.clear()
        box.send_keys("abc", Keys.TAB)
        err = d.find_element(By.CSS_SELECTOR, '.param[data-key="%s"] .err' % KEY)
        msg = wait(lambda: err.text, "the message beside %s" % KEY, 30)
        if '"abc"' not in msg or "--set" in msg or "m3c.amount" in msg:
            fail("beside the control: %r" % msg)
        if d.find_element(By.ID, "total-mean").get_attribute("data-yuan") != total:
            fail("a refused value changed the total shown")
        refused_box(d, total)
        shots = os.environ.get("SHOTS")
        if shots:
            box.clear()
            box.send_keys(value, Keys.TAB)
            wait(lambda: d.execute_script("return document.body.dataset.state") == "ready"
                 and not err.text, "the answer again")
            time.sleep(0.5)
            d.execute_script("window.scrollTo(0, 0)")
            lang = d.execute_script("return document.documentElement.lang")
            order = ["zh", "en"] if lang == "zh" else ["en", "zh"]
            for i, name in enumerate(order):
                if i:
                    d.find_element(By.ID, "lang").click()
                    time.sleep(0.8)
                # the whole page, 1400 px wide: a viewport as tall as the page
                h = d.execute_script("return document.documentElement.scrollHeight")
                d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                  {"width": 1400, "height": h, "deviceScaleFactor": 1,
                                   "mobile": False})
                time.sleep(0.8)
                d.save_screenshot(os.path.join(shots, "serve-%s.png" % name))
                d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        print("%s=%s\t%s\t%s" % (KEY, value, total, text))
    finally:
        d.quit()


main()
