//! Live reload: the script the preview adds to the pages it serves (never to `build`'s
//! output), the error overlay's stylesheet, and the pages' policy opened for that script.
//!
//! The script is a same-origin file (`/__hindsight/reload.js`), so the page's
//! Content-Security-Policy only gains `script-src 'self'` and `connect-src 'self'` (for the
//! event stream): no inline script, no `unsafe-inline`.

use super::Snapshot;

/// Where the preview's own files live; no site file is served from there.
pub(super) const PREFIX: &str = "/__hindsight/";

/// Listens to `/__hindsight/events`: reloads when a newer build is served, shows the errors
/// of a failed build over the page (as text, never as markup) and hides them once fixed.
pub(super) const SCRIPT: &str = r#"// hindsight serve: live reload (only in the preview, never in built pages).
(function () {
  "use strict";
  var me = document.currentScript;
  var build = Number(me && me.dataset.build);
  var overlay = null;
  function show(errors) {
    if (!overlay) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = "/__hindsight/overlay.css";
      document.head.appendChild(css);
      overlay = document.createElement("div");
      overlay.id = "hindsight-errors";
      overlay.setAttribute("role", "alert");
      var title = document.createElement("p");
      title.textContent = "hindsight serve: the latest change has errors; this is the last good build.";
      overlay.appendChild(title);
      overlay.appendChild(document.createElement("pre"));
      document.body.appendChild(overlay);
    }
    overlay.lastChild.textContent = errors;
    overlay.hidden = false;
  }
  function hide() {
    if (overlay) overlay.hidden = true;
  }
  var events = new EventSource("/__hindsight/events");
  events.onmessage = function (message) {
    var state = JSON.parse(message.data);
    if (state.build !== build) {
      location.reload();
    } else if (state.errors) {
      show(state.errors);
    } else {
      hide();
    }
  };
})();
"#;

pub(super) const OVERLAY_CSS: &str = "#hindsight-errors { position: fixed; inset: auto 0 0 0; max-height: 60vh; overflow: auto; z-index: 2147483647; margin: 0; padding: 0.75rem 1rem; background: #2b0b0b; color: #ffd7d7; border-top: 4px solid #e5484d; font: 14px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }\n#hindsight-errors p { margin: 0 0 0.5rem; font-weight: bold; }\n#hindsight-errors pre { margin: 0; white-space: pre-wrap; }\n#hindsight-errors[hidden] { display: none; }\n";

/// The state the script reads: the build number and the errors, as JSON.
pub(super) fn state_json(snapshot: &Snapshot) -> String {
    serde_json::json!({ "build": snapshot.build, "errors": snapshot.errors }).to_string()
}

/// One Server-Sent Event carrying the state.
pub(super) fn event(snapshot: &Snapshot) -> String {
    format!("data: {}\n\n", state_json(snapshot))
}

/// `page` as the preview serves it: its policy allows the reload script, which is added to
/// its head with the build it belongs to.
pub(super) fn inject(page: &str, build: u64) -> String {
    let page = allow_script(page);
    let tag = format!("<script src=\"{PREFIX}reload.js\" data-build=\"{build}\" defer></script>\n");
    let at = find_ascii_ci(&page, "</head>")
        .or_else(|| find_ascii_ci(&page, "</body>"))
        .unwrap_or(page.len());
    let mut out = String::with_capacity(page.len() + tag.len());
    out.push_str(&page[..at]);
    out.push_str(&tag);
    out.push_str(&page[at..]);
    out
}

/// Adds `script-src 'self'; connect-src 'self'` at the front of the page's policy (the first
/// of two same directives counts, so a template's own `script-src` cannot block the script).
fn allow_script(page: &str) -> String {
    const META: &str = "http-equiv=\"content-security-policy\"";
    const CONTENT: &str = "content=\"";
    let Some(meta) = find_ascii_ci(page, META) else {
        return page.to_string();
    };
    let tag_end = page[meta..].find('>').map_or(page.len(), |end| meta + end);
    let Some(content) = find_ascii_ci(&page[meta..tag_end], CONTENT) else {
        return page.to_string();
    };
    let at = meta + content + CONTENT.len();
    format!(
        "{}script-src 'self'; connect-src 'self'; {}",
        &page[..at],
        &page[at..]
    )
}

/// The first place `needle` (ASCII) occurs in `haystack`, ignoring ASCII case.
fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

/// A page for when no build has succeeded yet: it shows the errors and reloads once fixed.
pub(super) fn waiting_page(snapshot: &Snapshot) -> String {
    let page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'\">\n<title>hindsight serve: no site yet</title>\n</head>\n<body>\n<h1>The site could not be built yet</h1>\n<p>Fix the errors shown in the terminal; this page reloads when the site builds.</p>\n</body>\n</html>\n";
    inject(page, snapshot.build)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!DOCTYPE html>\n<html><head>\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'\">\n<title>t</title>\n</head><body><p>x</p></body></html>";

    #[test]
    fn the_script_is_allowed_by_the_policy_and_added_to_the_head() {
        let page = inject(PAGE, 7);
        assert!(page.contains(
            "content=\"script-src 'self'; connect-src 'self'; default-src 'none'; style-src 'self'\""
        ));
        assert!(page.contains(
            "<script src=\"/__hindsight/reload.js\" data-build=\"7\" defer></script>\n</head>"
        ));
        assert_eq!(page.matches("<script").count(), 1);
    }

    #[test]
    fn a_page_without_a_head_or_a_policy_still_gets_the_script() {
        assert_eq!(
            inject("<p>x</p>", 1),
            "<p>x</p><script src=\"/__hindsight/reload.js\" data-build=\"1\" defer></script>\n"
        );
    }

    #[test]
    fn the_state_carries_the_build_and_the_errors_as_text() {
        let snapshot = Snapshot {
            build: 3,
            files: None,
            errors: Some("error[yaml-syntax]: <b>\n".into()),
        };
        assert_eq!(
            event(&snapshot),
            "data: {\"build\":3,\"errors\":\"error[yaml-syntax]: <b>\\n\"}\n\n"
        );
    }
}
