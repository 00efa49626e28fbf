//! The short phrases (titles, timeline entries, actions, lessons) in en, de, ja and zh in
//! parallel, so a record and its overlays say the same thing. `{c}` is a component's name,
//! `{n}` a number, `{k}` a code identifier.

use crate::bank::Tr;

pub(crate) const TITLES: [Tr; 12] = [
    [
        "Elevated error rates on {c}",
        "Erhöhte Fehlerraten bei {c}",
        "{c} でエラー率が上昇",
        "{c} 错误率升高",
    ],
    [
        "{c} unavailable",
        "{c} nicht verfügbar",
        "{c} が利用不可",
        "{c} 不可用",
    ],
    [
        "Slow responses from {c}",
        "Langsame Antworten von {c}",
        "{c} の応答遅延",
        "{c} 响应缓慢",
    ],
    [
        "Partial outage of {c}",
        "Teilausfall von {c}",
        "{c} の一部障害",
        "{c} 部分中断",
    ],
    [
        "Delayed processing in {c}",
        "Verzögerte Verarbeitung in {c}",
        "{c} の処理遅延",
        "{c} 处理延迟",
    ],
    [
        "Failed deployment broke {c}",
        "Fehlgeschlagene Bereitstellung legte {c} lahm",
        "デプロイ失敗により {c} が停止",
        "部署失败导致 {c} 故障",
    ],
    [
        "Certificate expiry on {c}",
        "Abgelaufenes Zertifikat bei {c}",
        "{c} の証明書期限切れ",
        "{c} 证书过期",
    ],
    [
        "Data inconsistency in {c}",
        "Inkonsistente Daten in {c}",
        "{c} のデータ不整合",
        "{c} 数据不一致",
    ],
    [
        "Intermittent timeouts on {c}",
        "Zeitweise Zeitüberschreitungen bei {c}",
        "{c} で断続的なタイムアウト",
        "{c} 间歇性超时",
    ],
    [
        "Capacity exhaustion in {c}",
        "Kapazitätsengpass bei {c}",
        "{c} の容量枯渇",
        "{c} 容量耗尽",
    ],
    [
        "Configuration error in {c}",
        "Konfigurationsfehler in {c}",
        "{c} の設定ミス",
        "{c} 配置错误",
    ],
    [
        "Network partition affecting {c}",
        "Netzwerkpartition betrifft {c}",
        "ネットワーク分断が {c} に影響",
        "网络分区影响 {c}",
    ],
];

pub(crate) const MAINTENANCE_TITLES: [Tr; 4] = [
    [
        "Scheduled upgrade of {c}",
        "Geplantes Upgrade von {c}",
        "{c} の定期アップグレード",
        "{c} 计划升级",
    ],
    [
        "Planned migration of {c}",
        "Geplante Migration von {c}",
        "{c} の計画移行",
        "{c} 计划迁移",
    ],
    [
        "Maintenance window for {c}",
        "Wartungsfenster für {c}",
        "{c} のメンテナンス",
        "{c} 维护窗口",
    ],
    [
        "Hardware replacement behind {c}",
        "Hardwaretausch hinter {c}",
        "{c} のハードウェア交換",
        "{c} 硬件更换",
    ],
];

pub(crate) const TIMELINE: [Tr; 14] = [
    [
        "Alert fires for errors on {c}.",
        "Alarm wegen Fehlern bei {c}.",
        "{c} のエラーでアラートが発報。",
        "{c} 出现错误，告警触发。",
    ],
    [
        "On-call engineer acknowledges the page.",
        "Die Bereitschaft bestätigt den Alarm.",
        "当番エンジニアが呼び出しに応答。",
        "值班工程师确认告警。",
    ],
    [
        "Incident channel opened and roles assigned.",
        "Vorfallkanal eröffnet, Rollen verteilt.",
        "インシデントチャンネルを開設し役割を割り当て。",
        "开启事件频道并分配角色。",
    ],
    [
        "Error rate on {c} reaches {n}%.",
        "Fehlerrate bei {c} erreicht {n} %.",
        "{c} のエラー率が {n}% に到達。",
        "{c} 错误率达到 {n}%。",
    ],
    [
        "Deploy `{k}` identified as the likely cause.",
        "Bereitstellung `{k}` als wahrscheinliche Ursache erkannt.",
        "デプロイ `{k}` が原因と推定。",
        "确定部署 `{k}` 为可能原因。",
    ],
    [
        "Rollback of `{k}` started.",
        "Rücknahme von `{k}` gestartet.",
        "`{k}` のロールバックを開始。",
        "开始回滚 `{k}`。",
    ],
    [
        "Rollback complete; errors decreasing.",
        "Rücknahme abgeschlossen, Fehler gehen zurück.",
        "ロールバック完了、エラー減少。",
        "回滚完成，错误减少。",
    ],
    [
        "Capacity of {c} doubled.",
        "Kapazität von {c} verdoppelt.",
        "{c} の容量を倍増。",
        "{c} 容量翻倍。",
    ],
    [
        "Status page updated.",
        "Statusseite aktualisiert.",
        "ステータスページを更新。",
        "状态页已更新。",
    ],
    [
        "Traffic shifted to the second region.",
        "Verkehr in die zweite Region verlegt.",
        "トラフィックを第 2 リージョンへ移行。",
        "流量切换至第二区域。",
    ],
    [
        "Latency of {c} back to normal.",
        "Latenz von {c} wieder normal.",
        "{c} のレイテンシが正常化。",
        "{c} 延迟恢复正常。",
    ],
    [
        "Queued jobs drained.",
        "Wartende Aufträge abgearbeitet.",
        "キューのジョブを処理完了。",
        "排队任务已处理完毕。",
    ],
    [
        "Customer support informed.",
        "Kundensupport informiert.",
        "カスタマーサポートに連絡。",
        "已通知客服团队。",
    ],
    [
        "Monitoring continues; no new errors.",
        "Beobachtung läuft weiter, keine neuen Fehler.",
        "監視継続、新たなエラーなし。",
        "持续监控，无新错误。",
    ],
];

pub(crate) const ACTIONS: [Tr; 10] = [
    [
        "Add an alert on connection pool saturation for {c}",
        "Alarm für Auslastung des Verbindungspools von {c} einrichten",
        "{c} の接続プール飽和にアラートを追加",
        "为 {c} 连接池饱和添加告警",
    ],
    [
        "Load test {c} at {n} times the peak traffic",
        "{c} mit dem {n}-Fachen der Spitzenlast testen",
        "{c} をピークの {n} 倍で負荷試験",
        "以峰值 {n} 倍流量对 {c} 做负载测试",
    ],
    [
        "Review the default values changed by `{k}`",
        "Von `{k}` geänderte Standardwerte prüfen",
        "`{k}` で変わった既定値をレビュー",
        "审查 `{k}` 修改的默认值",
    ],
    [
        "Update the runbook for {c}",
        "Runbook für {c} aktualisieren",
        "{c} のランブックを更新",
        "更新 {c} 的运维手册",
    ],
    [
        "Automate certificate renewal checks",
        "Prüfung der Zertifikatserneuerung automatisieren",
        "証明書更新の確認を自動化",
        "自动检查证书续期",
    ],
    [
        "Route night alerts to the paging system",
        "Nachtalarme an das Bereitschaftssystem leiten",
        "夜間アラートを呼び出しシステムへ転送",
        "将夜间告警接入呼叫系统",
    ],
    [
        "Add exponential backoff to client retries",
        "Exponentielles Backoff für Client-Wiederholungen einführen",
        "クライアント再試行に指数バックオフを追加",
        "为客户端重试增加指数退避",
    ],
    [
        "Practise the regional failover every quarter",
        "Regionale Umschaltung vierteljährlich üben",
        "リージョンのフェイルオーバーを四半期ごとに訓練",
        "每季度演练区域切换",
    ],
    [
        "Put feature flag `{k}` behind a staged rollout",
        "Feature-Flag `{k}` stufenweise einführen",
        "機能フラグ `{k}` を段階的に展開",
        "对功能开关 `{k}` 采用分阶段发布",
    ],
    [
        "Cap query time on {c} at {n} seconds",
        "Abfragezeit bei {c} auf {n} Sekunden begrenzen",
        "{c} のクエリ時間を {n} 秒に制限",
        "将 {c} 的查询时间限制为 {n} 秒",
    ],
];

pub(crate) const LESSONS: [Tr; 8] = [
    [
        "Defaults deserve the same review as code.",
        "Standardwerte verdienen dieselbe Prüfung wie Code.",
        "既定値もコードと同じくレビューすべき。",
        "默认值也需要像代码一样审查。",
    ],
    [
        "An alert nobody sees is no alert.",
        "Ein Alarm, den niemand sieht, ist kein Alarm.",
        "誰も見ないアラートはアラートではない。",
        "没人看到的告警等于没有告警。",
    ],
    [
        "Retries without backoff turn a slowdown into an outage.",
        "Wiederholungen ohne Backoff machen aus einer Verlangsamung einen Ausfall.",
        "バックオフなしの再試行は遅延を障害に変える。",
        "没有退避的重试会把变慢变成中断。",
    ],
    [
        "Runbooks must be tested like software.",
        "Runbooks müssen wie Software getestet werden.",
        "ランブックはソフトウェアのようにテストすべき。",
        "运维手册要像软件一样测试。",
    ],
    [
        "Small, staged rollouts limit the blast radius.",
        "Kleine, gestufte Einführungen begrenzen den Schaden.",
        "小さく段階的な展開は影響範囲を限定する。",
        "小规模分阶段发布能限制影响范围。",
    ],
    [
        "Capacity headroom is cheaper than an outage.",
        "Kapazitätsreserven sind billiger als ein Ausfall.",
        "容量の余裕は障害より安い。",
        "预留容量比故障便宜。",
    ],
    [
        "Failover that is never practised does not work.",
        "Eine nie geübte Umschaltung funktioniert nicht.",
        "訓練しないフェイルオーバーは機能しない。",
        "从未演练的切换不会奏效。",
    ],
    [
        "Status updates build trust during an incident.",
        "Statusmeldungen schaffen Vertrauen während eines Vorfalls.",
        "障害中のステータス更新は信頼を築く。",
        "事件期间的状态更新能建立信任。",
    ],
];
