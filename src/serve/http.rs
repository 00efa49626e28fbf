//! The preview's HTTP side: GET and HEAD of the files of the in-memory build, the reload
//! script and its event stream; nothing is ever read from the disk to answer a request.

use std::convert::Infallible;
use std::net::TcpListener;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use hyper::body::{Bytes, Frame, Incoming, SizeHint};
use hyper::header::{self, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::sync::{mpsc, watch};

use super::{Snapshot, reload};

/// How often an idle event stream says it is alive (and finds out that its reader left).
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// Answers requests on `listener` until the process ends.
pub(super) fn serve(
    listener: TcpListener,
    snapshots: watch::Receiver<Arc<Snapshot>>,
) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()?;
    // Only a server shared on purpose (`--bind`) answers other names: on loopback, a page
    // elsewhere could rebind its own name to 127.0.0.1 and read the drafts the preview shows.
    let loopback = listener.local_addr()?.ip().is_loopback();
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        loop {
            // A failed accept (a client gone, too many open files) ends one connection,
            // not the server.
            let Ok((stream, _)) = listener.accept().await else {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            };
            let snapshots = snapshots.clone();
            tokio::spawn(async move {
                let service = service_fn(move |request: Request<Incoming>| {
                    let host = request.headers().get(header::HOST);
                    let answer = if loopback && !is_local_name(host) {
                        plain(
                            StatusCode::MISDIRECTED_REQUEST,
                            "the preview answers only to localhost, 127.0.0.1 and [::1]\n",
                        )
                    } else {
                        answer(&snapshots, request.method(), request.uri().path())
                    };
                    async move { Ok::<_, Infallible>(answer) }
                });
                let _ = http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    })
}

/// Whether a request's `Host` names this machine's loopback (any port), or is absent.
fn is_local_name(host: Option<&HeaderValue>) -> bool {
    let Some(host) = host else {
        return true;
    };
    let Ok(host) = host.to_str() else {
        return false;
    };
    let name = match host.rsplit_once(':') {
        Some((name, port)) if !name.ends_with(':') && port.bytes().all(|b| b.is_ascii_digit()) => {
            name
        }
        _ => host,
    };
    matches!(
        name.to_ascii_lowercase().as_str(),
        "localhost" | "127.0.0.1" | "[::1]"
    )
}

/// The response to `method` on `path` (the request's path, still percent-encoded).
fn answer(
    snapshots: &watch::Receiver<Arc<Snapshot>>,
    method: &Method,
    path: &str,
) -> Response<Body> {
    let head = match *method {
        Method::GET => false,
        Method::HEAD => true,
        _ => {
            let mut response = plain(StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD\n");
            let allow = HeaderValue::from_static("GET, HEAD");
            response.headers_mut().insert(header::ALLOW, allow);
            return response;
        }
    };
    let snapshot = snapshots.borrow().clone();
    let response = match path.strip_prefix(reload::PREFIX) {
        Some("events") if !head => return events(snapshots.clone()),
        Some("events") => file(StatusCode::OK, "text/event-stream", Bytes::new()),
        Some("reload.js") => file(StatusCode::OK, "text/javascript", reload::SCRIPT.into()),
        Some("overlay.css") => file(StatusCode::OK, "text/css", reload::OVERLAY_CSS.into()),
        Some("status.json") => {
            let state = reload::state_json(&snapshot);
            file(StatusCode::OK, "application/json", state.into())
        }
        Some(_) => not_found(&snapshot),
        None => site_file(&snapshot, path),
    };
    if head {
        let (parts, _) = response.into_parts();
        return Response::from_parts(parts, Body::Full(None));
    }
    response
}

/// A file of the last good build, or the page that waits for one.
fn site_file(snapshot: &Snapshot, path: &str) -> Response<Body> {
    let Some(files) = &snapshot.files else {
        let page = reload::waiting_page(snapshot);
        return file(StatusCode::SERVICE_UNAVAILABLE, HTML, page.into());
    };
    match site_path(path).and_then(|path| Some((files.get(&path)?, path))) {
        Some((bytes, path)) => page_or_file(StatusCode::OK, &path, bytes, snapshot.build),
        None => not_found(snapshot),
    }
}

/// The site's own 404 page, as a static host would serve it.
fn not_found(snapshot: &Snapshot) -> Response<Body> {
    let page = snapshot
        .files
        .as_ref()
        .and_then(|files| files.get("404.html"));
    match page {
        Some(bytes) => page_or_file(StatusCode::NOT_FOUND, "404.html", bytes, snapshot.build),
        None => plain(StatusCode::NOT_FOUND, "not found\n"),
    }
}

fn page_or_file(status: StatusCode, path: &str, bytes: &Bytes, build: u64) -> Response<Body> {
    let kind = content_type(path);
    if kind != HTML {
        return file(status, kind, bytes.clone());
    }
    let page = reload::inject(&String::from_utf8_lossy(bytes), build);
    file(status, kind, page.into())
}

/// The build's file that a request path names: percent-decoded one segment at a time, and
/// refused when a segment is empty (but the last), `.` or `..`, or decodes to a slash, a
/// backslash or NUL. A path ending in `/` names its `index.html`.
pub(super) fn site_path(path: &str) -> Option<String> {
    let rest = path.strip_prefix('/')?;
    let mut segments: Vec<String> = Vec::new();
    let mut parts = rest.split('/').peekable();
    while let Some(raw) = parts.next() {
        if raw.is_empty() {
            if parts.peek().is_some() {
                return None;
            }
            segments.push("index.html".to_string());
            break;
        }
        let segment = String::from_utf8(percent_decode(raw)?).ok()?;
        if segment == "." || segment == ".." || segment.contains(['/', '\\', '\0']) {
            return None;
        }
        segments.push(segment);
    }
    Some(segments.join("/"))
}

fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

const HTML: &str = "text/html; charset=utf-8";

/// The media type of a site file, by its extension.
pub(super) fn content_type(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e);
    match extension.to_ascii_lowercase().as_str() {
        "html" | "htm" => HTML,
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "atom" => "application/atom+xml",
        "xml" => "application/xml",
        "rss" => "application/rss+xml",
        "ics" => "text/calendar; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "txt" | "md" => "text/plain; charset=utf-8",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

fn file(status: StatusCode, kind: &'static str, bytes: Bytes) -> Response<Body> {
    let length = HeaderValue::from(bytes.len());
    let mut response = Response::new(Body::Full(Some(bytes)));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    // Said also in the answer to HEAD, which has no body to count.
    headers.insert(header::CONTENT_LENGTH, length);
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    // Every answer is the latest build: a reload must never show a cached page.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

fn plain(status: StatusCode, text: &'static str) -> Response<Body> {
    file(
        status,
        "text/plain; charset=utf-8",
        Bytes::from_static(text.as_bytes()),
    )
}

/// The event stream: the current state at once, then each new one.
fn events(mut snapshots: watch::Receiver<Arc<Snapshot>>) -> Response<Body> {
    let (sender, receiver) = mpsc::channel::<Bytes>(4);
    tokio::spawn(async move {
        let first = reload::event(&snapshots.borrow_and_update());
        if sender.send(first.into()).await.is_err() {
            return;
        }
        loop {
            let message = match tokio::time::timeout(KEEP_ALIVE, snapshots.changed()).await {
                Ok(Ok(())) => reload::event(&snapshots.borrow_and_update()),
                Ok(Err(_)) => return,
                Err(_) => ": alive\n\n".to_string(),
            };
            if sender.send(message.into()).await.is_err() {
                return;
            }
        }
    });
    let mut response = file(StatusCode::OK, "text/event-stream", Bytes::new());
    response.headers_mut().remove(header::CONTENT_LENGTH);
    *response.body_mut() = Body::Events(receiver);
    response
}

/// A whole file, or an event stream that ends when the server does.
pub(super) enum Body {
    Full(Option<Bytes>),
    Events(mpsc::Receiver<Bytes>),
}

impl hyper::body::Body for Body {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        context: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        match self.get_mut() {
            Body::Full(bytes) => Poll::Ready(bytes.take().map(|b| Ok(Frame::data(b)))),
            Body::Events(receiver) => receiver
                .poll_recv(context)
                .map(|message| message.map(|b| Ok(Frame::data(b)))),
        }
    }

    fn is_end_stream(&self) -> bool {
        matches!(self, Body::Full(None))
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            Body::Full(Some(bytes)) => SizeHint::with_exact(bytes.len() as u64),
            Body::Full(None) => SizeHint::with_exact(0),
            Body::Events(_) => SizeHint::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths_name_build_files_and_nothing_outside() {
        assert_eq!(site_path("/").as_deref(), Some("index.html"));
        assert_eq!(site_path("/en/").as_deref(), Some("en/index.html"));
        assert_eq!(
            site_path("/en/incidents/2023-12-17-x.html").as_deref(),
            Some("en/incidents/2023-12-17-x.html")
        );
        assert_eq!(site_path("/caf%C3%A9.png").as_deref(), Some("café.png"));
        for bad in [
            "/../etc/passwd",
            "/en/../../x",
            "/%2e%2e/x",
            "/%2E%2E/x",
            "/.%2e/x",
            "/en%2f..%2f..%2fx",
            "/en%5c..%5cx",
            "//etc/passwd",
            "/en//index.html",
            "/./index.html",
            "/a%00b",
            "/%zz",
            "/%ff",
            "relative",
        ] {
            assert_eq!(site_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_loopback_names_are_answered_on_loopback() {
        let host = |value: &str| HeaderValue::from_str(value).unwrap();
        for local in [
            "localhost:4010",
            "127.0.0.1:4010",
            "[::1]:4010",
            "LOCALHOST",
            "127.0.0.1",
        ] {
            assert!(is_local_name(Some(&host(local))), "{local}");
        }
        for other in [
            "attacker.example:4010",
            "localhost.attacker.example",
            "127.0.0.2:4010",
            "[::1]x",
        ] {
            assert!(!is_local_name(Some(&host(other))), "{other}");
        }
        assert!(is_local_name(None));
    }

    #[test]
    fn files_get_the_media_type_of_their_extension() {
        assert_eq!(content_type("en/index.html"), HTML);
        assert_eq!(content_type("en/feed.atom"), "application/atom+xml");
        assert_eq!(content_type("api/v2/summary.json"), "application/json");
        assert_eq!(content_type("favicon.svg"), "image/svg+xml");
        assert_eq!(content_type("LOGO.PNG"), "image/png");
        assert_eq!(content_type("noextension"), "application/octet-stream");
    }
}
