//! The HTML report in a real browser, headless Chromium, with the network shut off.
//!
//! Chromium is driven from its command line rather than through the DevTools protocol: one run
//! per check, with `--dump-dom` to read back what a small script found. The script is put into a
//! copy of the report before its content security policy, so the policy still governs everything
//! the report itself holds. Headless Chromium will not make a window narrower than 500 pixels,
//! so the report is loaded in a frame of the width under test, which gives it that viewport;
//! the script hands its findings to the host page, whose DOM Chromium dumps. Any line Chromium
//! logs from the page's console counts as a console error, since the report writes none.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::harness::{installed, nkru};
use crate::terminal_safety::{MARKUP, hostile_dataset_with};

/// Collects errors, refused requests and loaded resources, and after loading measures the page;
/// inserted before everything else in the report's head.
const CHECK: &str = r#"<script>
window.__check = {errors: [], violations: []};
window.addEventListener('error', function (event) {
  __check.errors.push(String(event.message || (event.target && (event.target.src || event.target.href)) || 'error'));
}, true);
document.addEventListener('securitypolicyviolation', function (event) {
  __check.violations.push(event.violatedDirective + ' ' + event.blockedURI);
});
function scrolls(element) {
  for (var node = element.parentElement; node && node !== document.body; node = node.parentElement) {
    var overflow = getComputedStyle(node).overflowX;
    if (overflow === 'auto' || overflow === 'scroll') return true;
  }
  return false;
}
function brokenWords() {
  var broken = [];
  document.querySelectorAll('td, th').forEach(function (cell) {
    var walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT), node;
    while ((node = walker.nextNode())) {
      var word, pattern = /\S+/g;
      while ((word = pattern.exec(node.data))) {
        var range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        var tops = {};
        Array.prototype.forEach.call(range.getClientRects(), function (rect) {
          if (rect.width > 0) tops[Math.round(rect.top)] = true;
        });
        if (Object.keys(tops).length < 2) continue;
        // Broken across lines: where, character by character. A line may end where print allows
        // it: after a hyphen, a dash or an ellipsis joining words, after the punctuation of an
        // address, between the characters of Chinese or Japanese; anywhere else the word itself
        // is broken.
        var address = /^\(?https?:/.test(word[0]), previous = null;
        var allowed = function (before, after) {
          return '-\u2010\u2011\u2013\u2014\u2026'.indexOf(before) >= 0
            || (address && '/?&=.'.indexOf(before) >= 0)
            || (/[\u3040-\u30ff\u4e00-\u9fff]/.test(before) && /[\u3040-\u30ff\u4e00-\u9fff]/.test(after));
        };
        for (var at = word.index; at < word.index + word[0].length; at++) {
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          var rect = range.getBoundingClientRect();
          if (rect.width === 0) continue;
          if (previous !== null && Math.round(rect.top) > previous && !allowed(node.data[at - 1], node.data[at])) {
            broken.push(word[0] + ' @ ' + node.data[at - 1] + '|' + node.data[at] + ' in ' + cell.dataset.label);
            break;
          }
          previous = Math.round(rect.top);
        }
      }
    }
  });
  return broken;
}
function chartText() {
  var smallest = Infinity;
  document.querySelectorAll('figure svg').forEach(function (svg) {
    var scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    svg.querySelectorAll('text').forEach(function (text) {
      smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
    });
  });
  return smallest;
}
window.addEventListener('load', function () {
  var width = document.documentElement.clientWidth, overflow = [];
  document.querySelectorAll('body *').forEach(function (element) {
    var box = element.getBoundingClientRect();
    if (box.width > 0 && !scrolls(element) && (box.right > width + 1 || box.left < -1)) {
      overflow.push(element.tagName + (element.id ? '#' + element.id : '') + ' ' + Math.round(box.left) + '..' + Math.round(box.right));
    }
  });
  var pictures = Array.prototype.map.call(document.querySelectorAll('svg'), function (svg) {
    var box = svg.getBoundingClientRect();
    return [box.width, box.height];
  });
  var result = JSON.stringify({
    viewport: window.innerWidth, width: width, scrollWidth: document.documentElement.scrollWidth,
    overflow: overflow.slice(0, 20), pictures: pictures,
    brokenWords: brokenWords().slice(0, 20), chartText: chartText(),
    bodyText: parseFloat(getComputedStyle(document.body).fontSize),
    resources: performance.getEntriesByType('resource').map(function (entry) { return entry.name; }),
    errors: __check.errors, violations: __check.violations,
    scripts: document.scripts.length, images: document.images.length, pwned: !!window.nkruPwned
  });
  parent.postMessage(result, '*');
});
</script>"#;

/// The page that holds the report in a frame of the width under test and keeps its findings.
fn host(width: u32) -> String {
    format!(
        "<!DOCTYPE html><html><body style=\"margin:0\">\
         <iframe src=\"report.html\" style=\"border:0;width:{width}px;height:1400px\"></iframe>\
         <script>window.addEventListener('message', function (event) {{\
         var found = document.createElement('pre'); found.id = 'check'; found.textContent = event.data;\
         document.body.appendChild(found); }});</script></body></html>"
    )
}

/// Runs Chromium headless with the network shut off: every host name fails to resolve and
/// every request is sent to a proxy on a closed local port. Returns stdout and stderr.
fn chromium(folder: &Path, arguments: &[String]) -> (String, String) {
    let profile = folder.join("profile");
    let mut child = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--proxy-server=127.0.0.1:9",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=10000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(arguments)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    // A guard against a browser that hangs, not a measure of speed.
    let started = Instant::now();
    while child
        .try_wait()
        .expect("chromium can be waited for")
        .is_none()
    {
        if started.elapsed() > Duration::from_secs(300) {
            let _ = child.kill();
            panic!("chromium did not finish");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let output = child.wait_with_output().expect("chromium's output");
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Writes the report with the check inserted, and its host page for `width`, into `folder`.
fn prepare(folder: &Path, report: &str, width: u32) -> PathBuf {
    let checked = report.replacen("<head>", &format!("<head>{CHECK}"), 1);
    assert_ne!(checked, report, "the report has a head");
    std::fs::write(folder.join("report.html"), checked).expect("written");
    let page = folder.join(format!("host-{width}.html"));
    std::fs::write(&page, host(width)).expect("written");
    page
}

/// Loads the report at a width and returns the script's findings and the console's lines.
fn load(report: &str, width: u32) -> (Value, Vec<String>) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let page = prepare(folder.path(), report, width);
    let (dom, log) = chromium(
        folder.path(),
        &[
            format!("--window-size={},1500", width + 40),
            String::from("--dump-dom"),
            format!("file://{}", page.display()),
        ],
    );
    let start = dom
        .find("<pre id=\"check\">")
        .unwrap_or_else(|| panic!("no findings in {dom}"));
    let text = &dom[start + "<pre id=\"check\">".len()..];
    let text = &text[..text.find("</pre>").expect("closed")];
    let text = text
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    let console = log
        .lines()
        .filter(|line| line.contains(":CONSOLE"))
        .map(str::to_owned)
        .collect();
    (
        serde_json::from_str(&text).expect("findings in JSON"),
        console,
    )
}

/// Takes a screenshot of the report at a width, for people to look at; it lands in
/// `target/report-screenshots/`.
fn screenshot(report: &str, width: u32) -> PathBuf {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let page = prepare(folder.path(), report, width);
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/report-screenshots");
    std::fs::create_dir_all(&shots).expect("a folder for screenshots");
    let file = shots.join(format!("report-{width}.png"));
    let _ = std::fs::remove_file(&file);
    chromium(
        folder.path(),
        &[
            format!("--window-size={},1400", width.max(500)),
            format!("--screenshot={}", file.display()),
            format!("file://{}", page.display()),
        ],
    );
    file
}

fn report(arguments: &[&str], stdin: Option<String>) -> String {
    let mut command = nkru();
    if let Some(dataset) = stdin {
        command.args(["--data", "-"]).write_stdin(dataset);
    }
    let output = command
        .arg("report")
        .args(arguments)
        .output()
        .expect("nkru runs");
    assert!(output.status.success());
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn the_report_renders_offline_without_errors_requests_or_overflow() {
    if !installed("chromium", "chromium") {
        return;
    }
    let page = report(&[], None);
    for width in [1280, 375] {
        let (found, console) = load(&page, width);
        assert_eq!(found["viewport"], width, "{found}");
        assert!(console.is_empty(), "{width}: console: {console:?}");
        assert_eq!(found["errors"], Value::Array(vec![]), "{width}: {found}");
        assert_eq!(
            found["violations"],
            Value::Array(vec![]),
            "{width}: {found}"
        );
        assert_eq!(
            found["resources"],
            Value::Array(vec![]),
            "{width}: requests: {found}"
        );
        assert_eq!(found["overflow"], Value::Array(vec![]), "{width}: {found}");
        assert!(
            found["scrollWidth"].as_u64() <= found["width"].as_u64(),
            "{width}: {found}"
        );
        let pictures = found["pictures"].as_array().expect("pictures");
        assert_eq!(pictures.len(), page.matches("<svg").count(), "{found}");
        assert!(pictures.len() > 2, "a chart for each group: {found}");
        for picture in pictures {
            assert!(
                picture[0].as_f64() > Some(100.0) && picture[1].as_f64() > Some(100.0),
                "{found}"
            );
        }
        assert_eq!(found["scripts"], 1, "only the check runs");
        if width == 1280 {
            // No number or word is broken inside a table cell.
            assert_eq!(
                found["brokenWords"],
                Value::Array(vec![]),
                "{width}: {found}"
            );
        }
        // The pictures' text stays readable beside the page's, however narrow the screen.
        let (chart, body) = (
            found["chartText"].as_f64().expect("a size"),
            found["bodyText"].as_f64().expect("a size"),
        );
        assert!(
            chart >= 0.7 * body,
            "{width}: chart text {chart} px, body {body} px"
        );
        let shot = screenshot(&page, width);
        let bytes = std::fs::read(&shot).expect("a screenshot");
        assert!(bytes.starts_with(b"\x89PNG"), "{}", shot.display());
    }
}

#[test]
fn a_hostile_datasets_markup_never_runs_in_the_browser() {
    if !installed("chromium", "chromium") {
        return;
    }
    let hostile = hostile_dataset_with(MARKUP).to_string();
    let page = report(&[], Some(hostile));
    let (found, console) = load(&page, 1280);
    assert_eq!(found["pwned"], false, "{found}");
    assert_eq!(found["scripts"], 1, "{found}");
    assert_eq!(found["images"], 0, "{found}");
    assert_eq!(found["violations"], Value::Array(vec![]), "{found}");
    assert_eq!(found["resources"], Value::Array(vec![]), "{found}");
    assert!(console.is_empty(), "{console:?}");
}
