//! The names the generator draws from: languages, component groups and parts, people,
//! teams, zones and code identifiers (the phrases are in `phrases`).

pub(crate) type Tr = [&'static str; 4];

pub(crate) const LANGS: [&str; 4] = ["en", "de", "ja", "zh"];

pub(crate) const GROUPS: [Tr; 10] = [
    ["API", "API", "API", "API"],
    ["Web", "Web", "ウェブ", "网站"],
    ["Payments", "Zahlungen", "決済", "支付"],
    ["Search", "Suche", "検索", "搜索"],
    ["Storage", "Speicher", "ストレージ", "存储"],
    ["Messaging", "Nachrichten", "メッセージング", "消息"],
    ["Identity", "Identität", "認証", "身份认证"],
    ["Analytics", "Analyse", "分析", "分析"],
    ["Mobile", "Mobil", "モバイル", "移动端"],
    ["Infrastructure", "Infrastruktur", "インフラ", "基础设施"],
];

pub(crate) const PARTS: [(&str, Tr); 15] = [
    ("gateway", ["gateway", "Gateway", "ゲートウェイ", "网关"]),
    (
        "database",
        ["database", "Datenbank", "データベース", "数据库"],
    ),
    ("cache", ["cache", "Cache", "キャッシュ", "缓存"]),
    (
        "workers",
        [
            "background workers",
            "Hintergrund-Worker",
            "バックグラウンドワーカー",
            "后台任务",
        ],
    ),
    (
        "dashboard",
        ["dashboard", "Dashboard", "ダッシュボード", "控制台"],
    ),
    ("webhooks", ["webhooks", "Webhooks", "Webhook", "Webhook"]),
    (
        "queue",
        [
            "job queue",
            "Auftragswarteschlange",
            "ジョブキュー",
            "任务队列",
        ],
    ),
    ("cdn", ["CDN", "CDN", "CDN", "CDN"]),
    ("dns", ["DNS", "DNS", "DNS", "DNS"]),
    (
        "exports",
        [
            "data exports",
            "Datenexporte",
            "データエクスポート",
            "数据导出",
        ],
    ),
    (
        "notifications",
        ["notifications", "Benachrichtigungen", "通知", "通知"],
    ),
    ("login", ["login", "Anmeldung", "ログイン", "登录"]),
    ("reports", ["reports", "Berichte", "レポート", "报表"]),
    (
        "uploads",
        [
            "file uploads",
            "Datei-Uploads",
            "ファイルアップロード",
            "文件上传",
        ],
    ),
    (
        "scheduler",
        ["scheduler", "Planer", "スケジューラー", "调度器"],
    ),
];

pub(crate) const CODES: [&str; 10] = [
    "api-v42",
    "pool_size",
    "edge-router",
    "billing-sync",
    "new_checkout",
    "search-reindex",
    "tls-renew",
    "rate_limit",
    "session-store",
    "bulk_import",
];

pub(crate) const PEOPLE: [&str; 8] = [
    "Ada Park",
    "Jonas Weber",
    "Sakura Ito",
    "Li Wei",
    "Maya Chen",
    "Tom Berg",
    "Yuki Sato",
    "Sam Rivera",
];

pub(crate) const TEAMS: [&str; 5] = [
    "platform team",
    "sre",
    "payments team",
    "web team",
    "data team",
];

pub(crate) const ZONES: [&str; 6] = [
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "Asia/Tokyo",
    "Asia/Shanghai",
    "Asia/Kolkata",
];
