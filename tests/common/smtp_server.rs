//! A real SMTP server on 127.0.0.1 for the notify tests (no TLS): it speaks enough SMTP for
//! a client to send (EHLO, AUTH PLAIN, MAIL, RCPT, DATA, QUIT) and records every message.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Debug, Default)]
pub struct Received {
    pub auth: Option<String>,
    pub from: String,
    pub to: Vec<String>,
    pub data: String,
}

#[derive(Clone, Copy)]
pub enum Answer {
    Accept,
    RejectSender,
    /// `451` (try again later) to the first session's sender, then as `Accept`.
    BusyOnce,
    Silent,
    /// Takes one message, then refuses every later sender for good (`550`).
    AcceptOne,
    /// Sends its greeting one byte every 300 ms (6.6 s in all), then as `Accept`: each read
    /// gets a byte long before any socket timeout, the exchange as a whole takes long.
    Drip,
}

/// A real SMTP server on 127.0.0.1 (no TLS) that records every message.
pub fn smtp_server(answer: Answer) -> (u16, Arc<Mutex<Vec<Received>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let received = Arc::new(Mutex::new(Vec::new()));
    let store = Arc::clone(&received);
    std::thread::spawn(move || {
        for (n, stream) in listener.incoming().flatten().enumerate() {
            let answer = match answer {
                Answer::BusyOnce if n > 0 => Answer::Accept,
                other => other,
            };
            let _ = session(stream, answer, &store);
        }
    });
    (port, received)
}

fn session(stream: TcpStream, answer: Answer, store: &Mutex<Vec<Received>>) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut out = stream.try_clone()?;
    let mut lines = BufReader::new(stream);
    if let Answer::Silent = answer {
        std::thread::sleep(Duration::from_secs(5));
        return Ok(());
    }
    let greeting = b"220 test.local ESMTP\r\n";
    if let Answer::Drip = answer {
        for byte in greeting {
            out.write_all(&[*byte])?;
            std::thread::sleep(Duration::from_millis(300));
        }
    } else {
        out.write_all(greeting)?;
    }
    let mut mail = Received::default();
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_string();
        let upper = command.to_ascii_uppercase();
        let reply: &[u8] = if upper.starts_with("EHLO") {
            b"250-test.local\r\n250-8BITMIME\r\n250-AUTH PLAIN\r\n250 OK\r\n"
        } else if upper.starts_with("AUTH PLAIN ") {
            mail.auth = Some(command["AUTH PLAIN ".len()..].to_string());
            b"235 2.7.0 ok\r\n"
        } else if upper.starts_with("MAIL FROM:") {
            if let Answer::BusyOnce = answer {
                b"451 4.3.2 try again later\r\n"
            } else if matches!(answer, Answer::RejectSender)
                || (matches!(answer, Answer::AcceptOne) && !store.lock().unwrap().is_empty())
            {
                b"550 5.7.1 sender refused\r\n"
            } else {
                mail.from = command["MAIL FROM:".len()..].to_string();
                b"250 ok\r\n"
            }
        } else if upper.starts_with("RCPT TO:") {
            mail.to.push(command["RCPT TO:".len()..].to_string());
            b"250 ok\r\n"
        } else if upper == "DATA" {
            out.write_all(b"354 go on\r\n")?;
            loop {
                line.clear();
                if lines.read_line(&mut line)? == 0 {
                    return Ok(());
                }
                if line == ".\r\n" {
                    break;
                }
                mail.data.push_str(line.strip_prefix('.').unwrap_or(&line));
            }
            let auth = mail.auth.clone();
            store.lock().unwrap().push(std::mem::take(&mut mail));
            mail.auth = auth;
            b"250 queued\r\n"
        } else if upper == "QUIT" {
            out.write_all(b"221 bye\r\n")?;
            return Ok(());
        } else if upper == "STARTTLS" {
            b"454 4.7.0 TLS not available\r\n"
        } else if upper == "RSET" || upper == "NOOP" {
            b"250 ok\r\n"
        } else {
            b"502 5.5.2 unknown command\r\n"
        };
        out.write_all(reply)?;
    }
}
