//! File bytes -> text for the YAML parser: size budget, binary files, UTF-8 decoding, each
//! refused with a finding that says where.

use super::{Limits, pos_of_offset};
use crate::diagnostic::{Finding, Pos, Span};
use crate::model::RuleId;

/// The finding for a file over the size budget, at its start: nothing of it is read.
pub(crate) fn too_large(len: usize, limits: &Limits) -> Finding {
    Finding::new(
        RuleId::InputLimit,
        Span::file_start(),
        format!(
            "the file is {} bytes; hindsight reads at most {} bytes per file",
            len, limits.max_bytes
        ),
    )
    .help("split the text into several incidents, or check that this is really an incident record")
}

/// How far into a file to look for NUL bytes, the mark of a binary file.
const BINARY_SNIFF: usize = 8 * 1024;

/// Whether the bytes look like a binary file rather than text.
pub(crate) fn is_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(BINARY_SNIFF)].contains(&0)
}

pub(super) fn binary_file(pos: Pos) -> Finding {
    Finding::new(
        RuleId::YamlSyntax,
        Span::point(pos),
        "the file contains a NUL byte: it looks like a binary file, not YAML",
    )
    .help("incident records are UTF-8 YAML text; check that the right file is in incidents/")
}

/// Decodes file bytes as UTF-8, or says where the first invalid byte is.
pub(crate) fn decode(bytes: &[u8]) -> Result<&str, Finding> {
    if is_binary(bytes) {
        return Err(binary_file(Pos {
            line: 1,
            column: 1,
            offset: 0,
        }));
    }
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = &bytes[..error.valid_up_to()];
        // The valid prefix is UTF-8 by definition, so positions can be computed on it.
        let prefix = std::str::from_utf8(valid).unwrap_or_default();
        let pos = pos_of_offset(prefix, prefix.len());
        let byte = bytes.get(error.valid_up_to()).copied().unwrap_or_default();
        Finding::new(
            RuleId::YamlSyntax,
            Span::point(pos),
            format!("the file is not valid UTF-8: byte 0x{byte:02x} cannot start or continue a character here"),
        )
        .help("save the file as UTF-8; if it is a binary file, remove it from incidents/")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_reports_line_and_column() {
        let error = decode(b"title: ok\nlang: \xff\n").unwrap_err();
        assert_eq!((error.span.start.line, error.span.start.column), (2, 7));
        assert!(error.message.contains("0xff"));
    }

    #[test]
    fn a_nul_byte_near_the_start_means_binary() {
        assert!(is_binary(b"PK\x03\x04\0\0"));
        let error = decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
        assert_eq!(error.rule.as_str(), "yaml-syntax");
        assert!(error.message.contains("binary"), "{error:?}");
        // Only the first 8 KiB are sniffed; a later NUL is reported by the parser, with its line.
        let mut late = b"a: 1\n".repeat(2000);
        late.push(0);
        assert!(!is_binary(&late));
    }
}
