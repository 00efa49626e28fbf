//! `hindsight init` and `hindsight new` end to end: a new project builds at once, and a new
//! record lints as a draft.

mod common;

use std::fs;

use common::{hindsight, run};

#[test]
fn init_then_build_succeeds_and_a_second_init_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = run(hindsight(dir.path()).args(["init", "demo", "--verbose"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty(), "status goes to stderr: {stdout}");
    assert!(stderr.contains("created demo/site/config.yaml"), "{stderr}");
    let demo = dir.path().join("demo");
    for file in [
        "site/config.yaml",
        "incidents/.gitkeep",
        ".gitignore",
        ".editorconfig",
        ".github/workflows/hindsight.yml",
    ] {
        assert!(demo.join(file).is_file(), "{file}");
    }
    let (code, _, stderr) = run(hindsight(dir.path()).args(["--root", "demo", "build"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(demo.join("public/index.html").is_file());
    // The three schemas the modelines point at, and the config's own modeline.
    for name in ["record", "overlay", "config"] {
        let text = fs::read_to_string(demo.join(format!(".hindsight/{name}.schema.json"))).unwrap();
        let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(schema["properties"].is_object(), "{name}");
    }
    let config = fs::read_to_string(demo.join("site/config.yaml")).unwrap();
    assert!(
        config.starts_with("# yaml-language-server: $schema=../.hindsight/config.schema.json\n"),
        "{config}"
    );

    fs::write(demo.join("site/config.yaml"), "title: Mine\n").unwrap();
    let (code, _, stderr) = run(hindsight(dir.path()).args(["init", "demo"]));
    assert_eq!(code, 1);
    assert!(
        stderr.contains("demo is not empty") && stderr.contains("--force"),
        "{stderr}"
    );
    let (code, _, stderr) = run(hindsight(dir.path()).args(["init", "demo", "--force"]));
    assert_eq!(code, 0);
    assert!(stderr.contains("skipped demo/site/config.yaml"), "{stderr}");
    assert_eq!(
        fs::read_to_string(demo.join("site/config.yaml")).unwrap(),
        "title: Mine\n"
    );
}

#[test]
fn init_in_every_language_builds() {
    for lang in ["de", "ja", "zh"] {
        let dir = tempfile::tempdir().unwrap();
        let (code, _, stderr) = run(hindsight(dir.path()).args(["init", "p", "--lang", lang]));
        assert_eq!(code, 0, "{stderr}");
        let (code, _, stderr) = run(hindsight(dir.path()).args(["--root", "p", "build"]));
        assert_eq!(code, 0, "{lang}: {stderr}");
    }
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) =
        run(hindsight(dir.path()).args(["init", "p", "--lang", "de", "--languages", "zh,en"]));
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = run(hindsight(dir.path()).args(["--root", "p", "build"]));
    assert_eq!(code, 0, "{stderr}");
    // The site is built in zh and en, not in the comments' language.
    let public = dir.path().join("p/public");
    assert!(public.join("zh/index.html").is_file() && public.join("en/index.html").is_file());
    assert!(!public.join("de").exists());
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = run(hindsight(dir.path()).args(["init", "p", "--lang", "fr"]));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("`fr`") && stderr.contains("en, de, ja, zh"),
        "{stderr}"
    );
}

/// A new project with one record of `template` in `lang`, set to `published` unfilled:
/// the lint findings' messages.
fn published_unfilled(template: &str, lang: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(run(hindsight(dir.path()).args(["init", "p"])).0, 0);
    let p = dir.path().join("p");
    let (code, stdout, stderr) = run(hindsight(&p).args([
        "new",
        "Checkout fails",
        "--template",
        template,
        "--lang",
        lang,
    ]));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "");
    assert!(
        stderr.starts_with("created incidents/2026-11-22-checkout-fails.yaml\n"),
        "{stderr}"
    );
    let file = p.join("incidents/2026-11-22-checkout-fails.yaml");
    let (code, _, stderr) = run(hindsight(&p).arg("lint"));
    assert_eq!(code, 0, "a draft lints: {stderr}");
    let text = fs::read_to_string(&file).unwrap();
    // Resolved as well, so that missing-section asks for every section of a postmortem.
    let text = text
        .replace("status: draft", "status: published")
        .replace("# resolved:\n", "resolved: 2026-11-22 12:30\n");
    fs::write(&file, text).unwrap();
    let output = common::output(hindsight(&p).args(["lint", "--format", "json"]));
    assert_eq!(output.code, 1, "{}", output.stdout);
    output
        .diagnostics()
        .iter()
        .map(|d| {
            format!(
                "{}: {}",
                d["rule"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn a_new_record_published_unfilled_names_each_section_still_to_write() {
    for lang in ["en", "de", "ja", "zh"] {
        for (template, sections) in [
            (
                "default",
                &[
                    "summary",
                    "impact",
                    "what_happened",
                    "root_cause",
                    "trigger",
                    "detection",
                    "resolution",
                    "timeline",
                    "lessons",
                    "actions",
                ][..],
            ),
            (
                "security",
                &[
                    "summary",
                    "impact",
                    "root_cause",
                    "resolution",
                    "timeline",
                    "actions",
                ][..],
            ),
            (
                "brief",
                &[
                    "summary",
                    "timeline",
                    "actions",
                    "impact",
                    "root_cause",
                    "resolution",
                ][..],
            ),
        ] {
            let findings = published_unfilled(template, lang);
            for section in sections {
                let named = findings.iter().any(|f| {
                    (f.starts_with("placeholder-text") || f.starts_with("missing-section"))
                        && f.contains(&format!("`{section}`"))
                });
                assert!(
                    named,
                    "{template}/{lang}: `{section}` not named in {findings:#?}"
                );
            }
        }
    }
}

#[test]
fn new_refuses_to_overwrite_and_bad_input_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(run(hindsight(dir.path()).args(["init", "p"])).0, 0);
    let p = dir.path().join("p");
    assert_eq!(run(hindsight(&p).args(["new", "Störung der Größe"])).0, 0);
    let file = p.join("incidents/2026-11-22-stoerung-der-groesse.yaml");
    fs::write(&file, "mine").unwrap();
    let (code, _, stderr) = run(hindsight(&p).args(["new", "Störung der Größe"]));
    assert_eq!(code, 1);
    assert!(
        stderr.contains("incidents/2026-11-22-stoerung-der-groesse.yaml exists"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), "mine");
    for bad in [
        &["new", "x", "--severity", "huge"][..],
        &["new", "x", "--lang", "fr"],
        &["new", "x", "--affected", "db=major_outage"],
        &["new", "x", "--template", "nope"],
        &["new", "x", "--time", "9 o'clock"],
        &["new", ""],
        &["new", "東京リージョンの障害"],
    ] {
        let (code, _, stderr) = run(hindsight(&p).args(bad));
        assert_eq!(code, 2, "{bad:?}: {stderr}");
        assert!(stderr.starts_with("error"), "{stderr}");
    }
    assert_eq!(
        fs::read_dir(p.join("incidents")).unwrap().count(),
        2,
        ".gitkeep and the one record"
    );
    let (code, _, stderr) =
        run(hindsight(&p).args(["new", "東京リージョンの障害", "--slug", "tokyo-region"]));
    assert_eq!(code, 0);
    assert!(stderr.contains("2026-11-22-tokyo-region.yaml"));
}

#[test]
fn a_projects_template_overrides_and_adds() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(run(hindsight(dir.path()).args(["init", "p"])).0, 0);
    let p = dir.path().join("p");
    fs::create_dir_all(p.join("templates/new")).unwrap();
    let mine = "title: {{ title | yaml }}\nlang: {{ lang }}\nstatus: draft\n# ours\n";
    fs::write(p.join("templates/new/postmortem-lite.yaml"), mine).unwrap();
    let (code, _, stderr) =
        run(hindsight(&p).args(["new", "A: b", "--template", "postmortem-lite"]));
    assert_eq!(code, 0, "{stderr}");
    let text = fs::read_to_string(p.join("incidents/2026-11-22-a-b.yaml")).unwrap();
    assert_eq!(text, "title: \"A: b\"\nlang: en\nstatus: draft\n# ours\n");
    assert_eq!(run(hindsight(&p).arg("lint")).0, 0);
    // The renderer leaves templates/new/ to `new`: a record template is not a page template.
    let (code, _, stderr) = run(hindsight(&p).arg("build"));
    assert_eq!(code, 0, "{stderr}");
}

/// `new` writes the modeline only when the project has the schema it points at, else says
/// how to get it; `schema --write` puts the current schemas over stale copies.
#[test]
fn new_writes_the_modeline_only_to_a_schema_that_exists_and_schema_write_refreshes_it() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(run(hindsight(dir.path()).args(["init", "p"])).0, 0);
    let p = dir.path().join("p");
    let made = |title: &str| {
        let (code, _, stderr) = run(hindsight(&p).args(["new", title, "--date", "2024-03-01"]));
        assert_eq!(code, 0, "{stderr}");
        let slug = title.to_lowercase().replace(' ', "-");
        let text = fs::read_to_string(p.join(format!("incidents/2024-03-01-{slug}.yaml"))).unwrap();
        (text, stderr)
    };
    let (text, stderr) = made("With schema");
    assert!(
        text.starts_with("# yaml-language-server: $schema=../.hindsight/record.schema.json\n"),
        "{text}"
    );
    assert!(!stderr.contains("is missing"), "{stderr}");

    let stale = "{\"properties\": {}}\n";
    fs::write(p.join(".hindsight/record.schema.json"), stale).unwrap();
    fs::remove_file(p.join(".hindsight/overlay.schema.json")).unwrap();
    let (code, _, stderr) = run(hindsight(&p).args(["schema", "--write"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("record.schema.json"), "{stderr}");
    for kind in ["record", "overlay", "config"] {
        let (_, printed, _) = run(hindsight(dir.path()).args(["schema", kind]));
        let written = fs::read_to_string(p.join(format!(".hindsight/{kind}.schema.json"))).unwrap();
        assert_eq!(written, printed, "{kind}");
    }

    fs::remove_dir_all(p.join(".hindsight")).unwrap();
    let (text, stderr) = made("Without schema");
    assert!(
        text.starts_with("# "),
        "the template's comments stay: {text}"
    );
    assert!(!text.contains("yaml-language-server"), "{text}");
    assert!(
        stderr.contains(".hindsight/record.schema.json is missing")
            && stderr.contains("hindsight schema --write")
            && stderr.contains(
                "put `# yaml-language-server: $schema=../.hindsight/record.schema.json` first"
            ),
        "{stderr}"
    );

    let (code, _, stderr) = run(hindsight(dir.path()).args(["schema", "--write"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("no site/config.yaml"), "{stderr}");
}

/// Runs `git` in `dir`, failing the test on an error.
fn git(dir: &std::path::Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

#[test]
fn the_workflows_resolve_exactly_the_tag_or_branch_named() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = run(hindsight(dir.path()).args(["init", "demo"]));
    assert_eq!(code, 0, "{stderr}");
    // A hindsight repository with `main`, a `hotfix/main` made later, an annotated tag `v1`
    // and a branch also named `v1`.
    let origin = dir.path().join("origin");
    fs::create_dir(&origin).unwrap();
    git(&origin, &["init", "-q", "-b", "main"]);
    let commit = |message: &str| {
        git(&origin, &["commit", "-q", "--allow-empty", "-m", message]);
        git(&origin, &["rev-parse", "HEAD"])
    };
    let tagged = commit("tagged");
    git(&origin, &["tag", "-a", "v1", "-m", "v1"]);
    let main = commit("main");
    git(&origin, &["checkout", "-q", "-b", "hotfix/main"]);
    commit("hotfix");
    git(&origin, &["checkout", "-q", "-b", "v1"]);
    commit("a branch named like the tag");
    git(&origin, &["checkout", "-q", "main"]);

    let workflows = dir.path().join("demo/.github/workflows");
    let mut steps = 0;
    for file in ["hindsight.yml", "hindsight-notify.yml"] {
        let text = fs::read_to_string(workflows.join(file)).unwrap();
        let yaml: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
        for job in yaml["jobs"].as_object().unwrap().values() {
            let Some(step) = job["steps"]
                .as_array()
                .and_then(|s| s.iter().find(|s| s["id"] == "hindsight"))
            else {
                continue;
            };
            steps += 1;
            let script = step["run"].as_str().unwrap();
            for (rev, expected) in [("main", &main), ("v1", &tagged), ("", &main)] {
                let output = dir.path().join("github-output");
                let _ = fs::remove_file(&output);
                let status = std::process::Command::new("bash")
                    .args(["-e", "-c", script])
                    .env("HINDSIGHT_GIT", &origin)
                    .env("HINDSIGHT_REV", rev)
                    .env("GITHUB_OUTPUT", &output)
                    .status()
                    .unwrap();
                assert!(status.success(), "{file} {rev:?}");
                let written = fs::read_to_string(&output).unwrap();
                assert_eq!(
                    written.trim(),
                    format!("commit={expected}"),
                    "{file} {rev:?}"
                );
            }
        }
    }
    assert_eq!(
        steps, 4,
        "lint, build, on-time and notify each resolve the commit"
    );
}

/// SAFETY §1: `schema --write` and `init --force` write `.hindsight/` only as a folder of the
/// project: a `.hindsight` linked to incidents/ or to the folder above is refused, and
/// nothing is written.
#[test]
fn a_linked_hindsight_folder_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(run(hindsight(dir.path()).args(["init", "p"])).0, 0);
    let p = dir.path().join("p");
    fs::remove_dir_all(p.join(".hindsight")).unwrap();
    let listing = |folder: &std::path::Path| {
        let mut names: Vec<String> = fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    for target in ["incidents", ".."] {
        let _ = fs::remove_file(p.join(".hindsight"));
        std::os::unix::fs::symlink(target, p.join(".hindsight")).unwrap();
        let (before_inputs, before_above) = (listing(&p.join("incidents")), listing(dir.path()));
        let (code, _, stderr) = run(hindsight(&p).args(["schema", "--write"]));
        assert_eq!(code, 2, "{target}: {stderr}");
        assert!(
            stderr.contains("refusing to write .hindsight/")
                && stderr.contains(".hindsight is a symbolic link"),
            "{target}: {stderr}"
        );
        let (code, _, stderr) = run(hindsight(dir.path()).args(["init", "p", "--force"]));
        assert_eq!(code, 2, "init --force, {target}: {stderr}");
        assert!(
            stderr.contains(".hindsight is a symbolic link"),
            "{target}: {stderr}"
        );
        assert_eq!(listing(&p.join("incidents")), before_inputs, "{target}");
        assert_eq!(listing(dir.path()), before_above, "{target}");
    }
}
