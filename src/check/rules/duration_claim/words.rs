//! The word lists that decide what a duration in prose measures, for en, de, ja and zh.
//!
//! A Latin entry matches whole words (a trailing `*` matches a word's start); an entry in
//! Japanese or Chinese script matches anywhere, as those languages do not separate words.

/// The outage or its impact: a clause must name one for its duration to be a claim.
pub(super) const OUTAGE: &[&str] = &[
    // en
    "down", "downtime", "outage*", "unavailab*", "unreachable", "inaccessible", "offline",
    "fail*", "broken", "disrupt*", "interrupt*", "degrad*", "error*", "impact*", "affected",
    "could not", "couldn't", "cannot", "can't", "unable", "not able", "hung", "hang*",
    "stall*", "stopped working", "not working", "went dark", "incident", "no access",
    // de
    "ausfall*", "ausgefallen", "fiel", "fielen", "störung*", "gestört", "unterbrech*",
    "unterbrochen", "nicht erreichbar", "nicht verfügbar", "nicht nutzbar", "nicht möglich",
    "nicht anmelden", "nicht einloggen", "nicht zugreifen", "nicht abrufbar", "nicht bezahlen",
    "nicht laden", "nicht funktionier*", "fehl", "fehlgeschlagen", "scheiter*", "fehler*",
    "lahmgelegt", "beeinträchtig*", "auswirkung*", "betroffen", "vorfall", "unerreichbar",
    "stillstand", "standen still", "stand still",
    // ja
    "停止", "障害", "ダウン", "中断", "できな", "できませ", "使えな", "失敗", "エラー", "不通",
    "影響", "落ち", "止ま", "ハング", "繋がらな", "つながらな", "応答しな", "応答がな", "オフライン",
    // zh
    "故障", "影响", "失败", "宕机", "停机", "不可用", "无法", "不能", "报错", "错误", "瘫痪", "受影响", "异常",
    "无响应", "下线", "事故",
];

/// Service coming back: with an upper bound ("restored within 2 hours") also a claim.
pub(super) const RESTORE: &[&str] = &[
    "restored", "recovered", "resolved", "fixed", "back online", "back up",
    "wiederhergestellt", "behoben", "gelöst", "wieder erreichbar", "wieder verfügbar",
    "復旧", "回復", "解消", "恢复", "修复", "解决",
];

/// Anywhere in the clause: the duration belongs to something other than the outage
/// (timeouts, caches, intervals, ages, delays, responders' work, other or earlier events).
pub(super) const OTHER: &[&str] = &[
    // en
    "every", "each", "per", "once", "twice", "timeout*", "timed out", "ttl", "interval*",
    "latenc*", "response time*", "retr*", "schedul*", "cron", "cache*", "backoff", "back off",
    "older", "age", "aged", "expir*", "retention", "retain*", "poll*", "heartbeat*", "grace",
    "sla", "p50", "p95", "p99", "took", "delay*", "late", "lag*", "investigat*", "debug*",
    "discuss*", "monitor*", "watch*", "wait*", "worked", "working on", "spent", "spend*",
    "paged", "alert*", "detect*", "notic*", "earlier", "previous*", "prior", "last", "similar",
    "another", "again", "during", "first", "cause*", "caused", "maintenance", "window",
    "planned", "migration", "failover", "restart*", "ago", "later", "since", "before",
    "kept", "keeps", "health check*", "paused", "on-call", "on call", "engineer*", "responder*",
    "replica*", "spike*", "blip", "brief*", "will", "next", "game day", "drill", "exercise",
    "same", "staging", "canary", "preceded", "test environment", "some", "only", "partial*",
    "single", "one of", "a few", "subset", "region*", "support",
    // de
    "pro", "einmal", "zweimal", "timeout", "zeitüberschreitung*",
    "intervall*", "latenz*", "antwortzeit*", "wiederhol*", "zeitplan*", "cache",
    "zwischengespeichert", "älter", "alt", "abgelaufen", "ablauf*", "aufbewahr*", "polling",
    "verzöger*", "verspät*", "untersuch*", "debugg*", "besprech*", "überwach*", "wart*",
    "gearbeitet", "alarm*", "erkannt*", "bemerkt*", "früher*", "vorher*", "zuvor", "letzte*",
    "vorige*", "ähnlich*", "erneut", "während", "erste*", "ursache", "verursacht", "geplant*",
    "migration", "neustart*", "seit", "bevor", "dauerte bis", "brauchte*", "health-check*", "pausier*",
    "bereitschaft*", "ingenieur*", "replik*", "kurz*", "wird", "künftig*", "zukünftig*",
    "übung", "gleiche*", "selbe*", "staging", "canary", "testumgebung", "einige*", "einzelne*",
    "nur", "teilweise", "region*", "vor dem", "vor der", "nach dem", "nach der", "support",
    "nächste*",
    // ja
    "ごと", "おき", "毎", "タイムアウト", "キャッシュ", "間隔", "レイテンシ", "応答時間", "遅延",
    "遅れ", "リトライ", "再試行", "スケジュール", "定期", "バックオフ", "古い", "経過", "保持",
    "期限", "ポーリング", "ハートビート", "調査", "デバッグ", "監視", "待", "アラート", "検知",
    "以前", "前回", "先週", "昨年", "同様", "再び", "最初", "原因", "メンテナンス", "計画",
    "削除", "移行", "フェイルオーバー", "再起動", "前に", "までに", "かか", "ヘルスチェック",
    "たび", "一時停止", "オンコール", "担当者", "レプリカ", "一時的", "一瞬", "予定", "訓練", "同じ", "ステージング",
    "カナリア", "一部", "リージョン", "のみ", "だけ", "サポート", "翌",
    // zh
    "每", "超时", "缓存", "间隔", "延迟", "时延", "耗时", "响应时间", "重试", "定时", "计划",
    "退避", "过期", "保留", "删除", "清理", "轮询", "心跳", "调查", "排查", "调试", "监控",
    "等待", "告警", "报警", "发现", "检测", "此前", "之前", "上次", "上周", "去年", "类似",
    "再次", "最初", "原因", "导致", "维护", "迁移", "切换", "重启", "期间", "花了", "用了",
    "健康检查", "暂停", "值班", "工程师", "副本", "短暂", "一度", "将会", "将在", "演练", "相同", "同样", "预发",
    "测试环境", "金丝雀", "部分", "个别", "地区", "区域", "仅", "只有", "客服", "第二天", "次日", "上一次", "同类",
];

/// Right before the duration (and its bound words): an offset, a rate or a comparison.
pub(super) const OTHER_BEFORE: &[&str] = &[
    "after", "in", "than", "next", "nach", "vor", "als", "alle", "jede", "jeden", "jedes",
    "経過", "过了", "过去", "最近", "在", "前の", "前",
];

/// Right after the duration: an offset, an age or a rate.
pub(super) const OTHER_AFTER: &[&str] = &[
    "ago", "later", "after", "into", "of the", "of being", "of our", "of their", "of its",
    "old", "at a time", "nach", "vor", "später", "danach", "alt", "früher", "nachdem", "後", "后",
    "前", "以上前", "に1回", "に一回", "経っ", "たっ", "一次", "次",
];

/// Before the duration: "for", "lasted", "dauerte", "持续", "长达" ...
pub(super) const LEAD: &[&str] = &[
    "for", "lasted", "lasting", "lasted for", "went on for", "continued for", "persisted for",
    "outage of", "downtime of", "disruption of", "interruption of", "downtime was",
    "outage was", "total downtime",
    "für", "dauerte", "dauerten", "andauerte", "anhielt", "betrug", "ausfall von",
    "ausfallzeit von", "ausfallzeit", "unterbrechung von",
    "ダウンタイムは", "停止時間は", "障害時間は", "影響時間は",
    "持续", "持续了", "长达", "历时", "达", "时长为", "时长", "时间为", "时间是",
];

/// After the duration: "long", "lang", "of downtime", "にわたって", "続いた", "的中断" ...
pub(super) const TRAIL: &[&str] = &[
    "long", "outage", "downtime", "disruption", "incident", "of downtime", "of outage",
    "of disruption", "of unavailability", "lang", "ausfall", "störung", "gedauert",
    "andauernde*", "にわた", "続", "の停止", "の障害", "のダウン", "の中断", "の間", "的中断",
    "的故障", "的宕机", "的停机", "的服务中断", "的不可用", "之久",
];

/// What a duration may be followed by and still be a fronted phrase whose predicate comes in
/// the next clause ("For about 40 minutes, all pulls failed", "約19分間、...").
pub(super) const FRONTED: &[&str] = &["", "lang", "long", "にわたって", "にわたり", "の間"];

/// Words that start a new clause, so a marker in one does not silence the other.
pub(super) const SPLIT: &[&str] = &[
    "and", "but", "because", "when", "while", "whereas", "until", "after", "although", "which",
    "who", "caused by", "due to", "und", "aber", "weil", "nachdem", "bis", "obwohl",
    "wodurch", "sodass", "ため", "ので", "因为", "由于", "直到", "然后",
];

/// Bounds before and after a figure: "about", "more than", "within", "約", "以上", "以内" ...
pub(super) const APPROXIMATE_BEFORE: &[&str] = &[
    "about", "around", "approximately", "approx.", "roughly", "nearly", "almost", "some", "~",
    "etwa", "ungefähr", "rund", "knapp", "gut", "fast", "ca.", "circa",
    "約", "およそ", "大约", "大概", "约", "将近", "近",
];
pub(super) const APPROXIMATE_AFTER: &[&str] = &["ほど", "程度", "前後", "近く", "左右", "弱", "強"];
pub(super) const AT_LEAST_BEFORE: &[&str] = &[
    "more than", "over", "at least", "longer than", "mehr als", "länger als", "über",
    "mindestens", "少なくとも", "最低", "超过", "至少", "超",
];
pub(super) const AT_LEAST_AFTER: &[&str] = &["以上", "超", "多"];
pub(super) const AT_MOST_BEFORE: &[&str] = &[
    "less than", "under", "at most", "up to", "within", "no more than", "weniger als", "unter",
    "höchstens", "bis zu", "innerhalb von", "innerhalb", "不到", "少于", "最多", "最大", "最長",
];
pub(super) const AT_MOST_AFTER: &[&str] = &["以内", "未満", "以下", "内"];
/// What may stand between the parts of one duration: `1 hour and 21 minutes`.
pub(super) const JOINERS: &[&str] = &["", "and", "und", ",", "と", "零"];

/// Anywhere in the sentence: the impact was nil or partial, so no duration in it is the incident's.
pub(super) const NO_IMPACT: &[&str] = &[
    "not affected", "unaffected", "no impact", "without impact", "no customer impact",
    "no visible", "without visible",
    "nicht betroffen", "keine auswirkung*", "ohne auswirkung*", "keine sichtbare*", "ohne sichtbare*",
    "影響はありません", "影響はなかった", "影響なし", "影響はありませんでした",
    "未受影响", "没有影响", "无影响", "不受影响", "没有受到影响", "未受到影响",
];
