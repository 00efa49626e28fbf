//! The status badges: one SVG per language for the whole site and one per component.

use serde::Serialize;
use tera::Context;
use unicode_width::UnicodeWidthStr;

use super::accent::Accent;
use super::{Artifact, Language, Site, message, paths};
use crate::model::Lang;
use crate::render::Templates;

impl Site<'_> {
    /// The page's badge (`<lang>/badge.svg`) and one per component
    /// (`<lang>/badges/<component>.svg`), in the colours of the status.
    pub(super) fn badges(
        &self,
        templates: &Templates,
        language: &Language,
    ) -> anyhow::Result<Vec<Artifact>> {
        let view = language.view;
        let mut badges = vec![(
            paths::of("badge", language.lang, None),
            message(&view.t, "badge_status"),
            view.banner.badge.clone(),
            Accent::of_indicator(view.banner.indicator).colour(),
        )];
        badges.extend(view.components.iter().map(|component| {
            (
                paths::of("badge", language.lang, Some(&component.id)),
                component.name.clone(),
                component.status_text.clone(),
                Accent::of_component(component.status).colour(),
            )
        }));
        badges
            .into_iter()
            .map(|(path, label, value, color)| {
                let mut context = Context::new();
                let mut badge = Badge::new(label, value, color, Script::of(language.lang));
                badge.separator = message(&view.t, "label_separator");
                context.insert("badge", &badge);
                Ok(Artifact::new(
                    path,
                    templates.render("site/badge.svg", &context)?,
                ))
            })
            .collect()
    }
}

/// How a badge's text is tagged and set: its `xml:lang`, and a font stack that names the
/// language's own CJK fonts first, so that shared ideographs take Japanese forms in a Japanese
/// badge and Simplified Chinese forms in a Chinese one (Verdana and DejaVu have no ideographs,
/// so they only set the Latin letters).
#[derive(Debug, Serialize)]
struct Script {
    lang: &'static str,
    fonts: &'static str,
}

impl Script {
    fn of(lang: Lang) -> Self {
        let fonts = match lang {
            Lang::En | Lang::De => "Verdana,'DejaVu Sans',sans-serif",
            Lang::Ja => {
                "Verdana,'DejaVu Sans','Hiragino Sans','Hiragino Kaku Gothic ProN','Yu Gothic UI','Yu Gothic',Meiryo,'Noto Sans CJK JP','Noto Sans JP',sans-serif"
            }
            Lang::Zh => {
                "Verdana,'DejaVu Sans','PingFang SC','Hiragino Sans GB','Microsoft YaHei UI','Microsoft YaHei','Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC',sans-serif"
            }
        };
        let lang = lang.tag();
        Script { lang, fonts }
    }
}

/// A shields-style badge; widths are estimated from the text's display width (11px text:
/// about 7px a column, so CJK text gets twice the room).
#[derive(Debug, Serialize)]
struct Badge {
    label: String,
    value: String,
    /// Between label and value in the accessible name, the language's own (`: `, `：`).
    separator: String,
    color: &'static str,
    #[serde(flatten)]
    script: Script,
    label_width: usize,
    value_width: usize,
    width: usize,
}

impl Badge {
    fn new(label: String, value: String, color: &'static str, script: Script) -> Self {
        let measure = |text: &str| text.width() * 7 + 12;
        let (label_width, value_width) = (measure(&label), measure(&value));
        Badge {
            label,
            value,
            separator: ": ".to_string(),
            color,
            script,
            label_width,
            value_width,
            width: label_width + value_width,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_badges_name_simplified_chinese_fonts_before_japanese_ones() {
        let zh = Script::of(Lang::Zh);
        assert_eq!(zh.lang, "zh-Hans");
        let sc = zh.fonts.find("Noto Sans CJK SC").unwrap();
        assert!(!zh.fonts.contains("CJK JP"), "{}", zh.fonts);
        assert!(zh.fonts.find("PingFang SC").unwrap() < sc);
        let ja = Script::of(Lang::Ja);
        assert_eq!(ja.lang, "ja");
        assert!(ja.fonts.contains("Noto Sans CJK JP") && !ja.fonts.contains("SC"));
        assert!(!Script::of(Lang::De).fonts.contains("CJK"));
    }

    #[test]
    fn badges_make_room_for_wide_text() {
        let latin = Badge::new("status".into(), "ok".into(), "#000", Script::of(Lang::En));
        let cjk = Badge::new("状态".into(), "正常".into(), "#000", Script::of(Lang::Zh));
        assert_eq!(latin.label_width, 6 * 7 + 12);
        assert_eq!(cjk.value_width, 4 * 7 + 12);
    }
}
