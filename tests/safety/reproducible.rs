//! `SOURCE_DATE_EPOCH`: no value makes a build panic, and the same inputs and "now" give
//! byte-identical sites.

use crate::common::hindsight;
use crate::{project, snapshot};

#[test]
fn no_source_date_epoch_panics() {
    let (_dir, root) = project();
    for value in [
        "-1",
        "253402300800",
        "9223372036854775807",
        "-9223372036854775808",
        "soon",
    ] {
        let output = hindsight(&root)
            .env("SOURCE_DATE_EPOCH", value)
            .arg("build")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{value}: {stderr}");
        assert!(stderr.contains("SOURCE_DATE_EPOCH"), "{value}: {stderr}");
    }
    for value in ["0", "253402300799"] {
        let output = hindsight(&root)
            .env("SOURCE_DATE_EPOCH", value)
            .arg("build")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{value}: {stderr}");
        assert!(
            matches!(output.status.code(), Some(0 | 1)),
            "{value}: {stderr}"
        );
    }
}

#[test]
fn the_same_inputs_and_now_give_byte_identical_sites() {
    let (_dir, root) = project();
    let site = |out: &str| {
        hindsight(&root)
            .args(["build", "--out", out])
            .assert()
            .success();
        let out = root.join(out);
        snapshot(&out)
            .into_iter()
            .map(|(path, bytes)| (path.strip_prefix(&out).unwrap().to_path_buf(), bytes))
            .collect::<Vec<_>>()
    };
    let first = site("one");
    assert!(first.len() > 30);
    assert_eq!(site("two"), first);
}
