//! The phrase banks: parallel sentences in en, de, ja and zh, so a record and its overlays
//! say the same thing. `{c}` is a component's name, `{n}` a number, `{k}` a code identifier.

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
    ("database", ["database", "Datenbank", "データベース", "数据库"]),
    ("cache", ["cache", "Cache", "キャッシュ", "缓存"]),
    ("workers", ["background workers", "Hintergrund-Worker", "バックグラウンドワーカー", "后台任务"]),
    ("dashboard", ["dashboard", "Dashboard", "ダッシュボード", "控制台"]),
    ("webhooks", ["webhooks", "Webhooks", "Webhook", "Webhook"]),
    ("queue", ["job queue", "Auftragswarteschlange", "ジョブキュー", "任务队列"]),
    ("cdn", ["CDN", "CDN", "CDN", "CDN"]),
    ("dns", ["DNS", "DNS", "DNS", "DNS"]),
    ("exports", ["data exports", "Datenexporte", "データエクスポート", "数据导出"]),
    ("notifications", ["notifications", "Benachrichtigungen", "通知", "通知"]),
    ("login", ["login", "Anmeldung", "ログイン", "登录"]),
    ("reports", ["reports", "Berichte", "レポート", "报表"]),
    ("uploads", ["file uploads", "Datei-Uploads", "ファイルアップロード", "文件上传"]),
    ("scheduler", ["scheduler", "Planer", "スケジューラー", "调度器"]),
];

pub(crate) const TITLES: [Tr; 12] = [
    ["Elevated error rates on {c}", "Erhöhte Fehlerraten bei {c}", "{c} でエラー率が上昇", "{c} 错误率升高"],
    ["{c} unavailable", "{c} nicht verfügbar", "{c} が利用不可", "{c} 不可用"],
    ["Slow responses from {c}", "Langsame Antworten von {c}", "{c} の応答遅延", "{c} 响应缓慢"],
    ["Partial outage of {c}", "Teilausfall von {c}", "{c} の一部障害", "{c} 部分中断"],
    ["Delayed processing in {c}", "Verzögerte Verarbeitung in {c}", "{c} の処理遅延", "{c} 处理延迟"],
    ["Failed deployment broke {c}", "Fehlgeschlagene Bereitstellung legte {c} lahm", "デプロイ失敗により {c} が停止", "部署失败导致 {c} 故障"],
    ["Certificate expiry on {c}", "Abgelaufenes Zertifikat bei {c}", "{c} の証明書期限切れ", "{c} 证书过期"],
    ["Data inconsistency in {c}", "Inkonsistente Daten in {c}", "{c} のデータ不整合", "{c} 数据不一致"],
    ["Intermittent timeouts on {c}", "Zeitweise Zeitüberschreitungen bei {c}", "{c} で断続的なタイムアウト", "{c} 间歇性超时"],
    ["Capacity exhaustion in {c}", "Kapazitätsengpass bei {c}", "{c} の容量枯渇", "{c} 容量耗尽"],
    ["Configuration error in {c}", "Konfigurationsfehler in {c}", "{c} の設定ミス", "{c} 配置错误"],
    ["Network partition affecting {c}", "Netzwerkpartition betrifft {c}", "ネットワーク分断が {c} に影響", "网络分区影响 {c}"],
];

pub(crate) const MAINTENANCE_TITLES: [Tr; 4] = [
    ["Scheduled upgrade of {c}", "Geplantes Upgrade von {c}", "{c} の定期アップグレード", "{c} 计划升级"],
    ["Planned migration of {c}", "Geplante Migration von {c}", "{c} の計画移行", "{c} 计划迁移"],
    ["Maintenance window for {c}", "Wartungsfenster für {c}", "{c} のメンテナンス", "{c} 维护窗口"],
    ["Hardware replacement behind {c}", "Hardwaretausch hinter {c}", "{c} のハードウェア交換", "{c} 硬件更换"],
];

pub(crate) const PROSE: [Tr; 24] = [
    ["Requests to {c} failed with server errors for a part of our customers.", "Anfragen an {c} schlugen für einen Teil unserer Kunden mit Serverfehlern fehl.", "{c} へのリクエストが一部のお客様でサーバーエラーになりました。", "部分客户对 {c} 的请求返回了服务器错误。"],
    ["About {n}% of requests were affected at the peak.", "Zur Spitze waren etwa {n} % der Anfragen betroffen.", "ピーク時にはリクエストの約 {n}% が影響を受けました。", "高峰时约 {n}% 的请求受到影响。"],
    ["The deploy of `{k}` changed a default that nobody had reviewed.", "Die Bereitstellung von `{k}` änderte einen Standardwert, den niemand geprüft hatte.", "`{k}` のデプロイで、誰もレビューしていなかった既定値が変わりました。", "`{k}` 的部署修改了一个无人审查的默认值。"],
    ["Our monitoring raised an alert within **{n} minutes**.", "Unsere Überwachung schlug innerhalb von **{n} Minuten** Alarm.", "監視は **{n} 分以内** にアラートを出しました。", "监控在 **{n} 分钟内** 发出了告警。"],
    ["The on-call engineer rolled back the change and the error rate dropped.", "Die Bereitschaft nahm die Änderung zurück, und die Fehlerrate sank.", "当番のエンジニアが変更をロールバックし、エラー率は下がりました。", "值班工程师回滚了变更，错误率随之下降。"],
    ["A connection pool in {c} was exhausted under normal load.", "Ein Verbindungspool in {c} war schon unter normaler Last erschöpft.", "{c} の接続プールが通常の負荷で枯渇しました。", "{c} 的连接池在正常负载下就已耗尽。"],
    ["Retries from clients multiplied the load by {n}.", "Wiederholungsversuche der Clients vervielfachten die Last um das {n}-Fache.", "クライアントの再試行で負荷が {n} 倍になりました。", "客户端重试使负载增加到 {n} 倍。"],
    ["No data was lost, and every queued job ran once the service recovered.", "Es gingen keine Daten verloren, und jeder wartende Auftrag lief nach der Erholung.", "データの損失はなく、キューのジョブは復旧後にすべて実行されました。", "没有数据丢失，服务恢复后所有排队任务均已执行。"],
    ["Customers saw slow pages and some saw errors when saving.", "Kunden sahen langsame Seiten, manche auch Fehler beim Speichern.", "お客様にはページの遅延が見られ、一部では保存時にエラーが出ました。", "客户看到页面变慢，部分客户保存时出错。"],
    ["We added capacity to {c} and watched the latency for an hour.", "Wir erweiterten die Kapazität von {c} und beobachteten die Latenz eine Stunde lang.", "{c} の容量を増やし、1 時間レイテンシを監視しました。", "我们为 {c} 扩容，并观察延迟一小时。"],
    ["The alert went to a channel that nobody watched at night.", "Der Alarm ging in einen Kanal, den nachts niemand beobachtete.", "アラートは夜間に誰も見ていないチャンネルに送られていました。", "告警被发送到夜间无人查看的频道。"],
    ["The failover to the standby replica took {n} minutes longer than planned.", "Die Umschaltung auf das Standby-Replikat dauerte {n} Minuten länger als geplant.", "スタンバイレプリカへのフェイルオーバーは予定より {n} 分長くかかりました。", "切换到备用副本比计划多用了 {n} 分钟。"],
    ["A certificate on {c} expired because its renewal job had been disabled.", "Ein Zertifikat von {c} lief ab, weil sein Erneuerungsauftrag deaktiviert war.", "更新ジョブが無効になっていたため、{c} の証明書が失効しました。", "由于续期任务被禁用，{c} 的证书过期了。"],
    ["The runbook described an older version of the system.", "Das Runbook beschrieb eine ältere Version des Systems.", "ランブックは古いバージョンのシステムを説明していました。", "运维手册描述的是旧版本的系统。"],
    ["We paused the rollout of `{k}` until the cause was understood.", "Wir hielten die Einführung von `{k}` an, bis die Ursache verstanden war.", "原因が分かるまで `{k}` のロールアウトを停止しました。", "在查明原因之前，我们暂停了 `{k}` 的发布。"],
    ["Disk usage on the primary node grew by {n} GB in an hour.", "Die Plattenbelegung des Primärknotens wuchs in einer Stunde um {n} GB.", "プライマリノードのディスク使用量が 1 時間で {n} GB 増えました。", "主节点的磁盘用量在一小时内增长了 {n} GB。"],
    ["A slow query held locks that blocked writes to {c}.", "Eine langsame Abfrage hielt Sperren, die Schreibzugriffe auf {c} blockierten.", "遅いクエリがロックを保持し、{c} への書き込みを妨げました。", "一个慢查询持有锁，阻塞了对 {c} 的写入。"],
    ["The status page was updated every {n} minutes during the incident.", "Die Statusseite wurde während des Vorfalls alle {n} Minuten aktualisiert.", "障害中、ステータスページは {n} 分ごとに更新されました。", "事件期间状态页每 {n} 分钟更新一次。"],
    ["Traffic was moved to the second region while the first one recovered.", "Der Verkehr wurde in die zweite Region verlegt, während sich die erste erholte.", "最初のリージョンが復旧する間、トラフィックを 2 つ目のリージョンに移しました。", "在第一个区域恢复期间，流量被切换到第二个区域。"],
    ["The feature flag `{k}` was turned off for all accounts.", "Das Feature-Flag `{k}` wurde für alle Konten abgeschaltet.", "機能フラグ `{k}` をすべてのアカウントで無効にしました。", "功能开关 `{k}` 已对所有账户关闭。"],
    ["Our load tests had not covered this traffic pattern.", "Unsere Lasttests hatten dieses Verkehrsmuster nicht abgedeckt.", "負荷テストはこのトラフィックパターンを想定していませんでした。", "我们的负载测试没有覆盖这种流量模式。"],
    ["See the [runbook](https://runbooks.example.com/{k}) for the recovery steps.", "Die Schritte zur Wiederherstellung stehen im [Runbook](https://runbooks.example.com/{k}).", "復旧手順は [ランブック](https://runbooks.example.com/{k}) を参照してください。", "恢复步骤见[运维手册](https://runbooks.example.com/{k})。"],
    ["An upstream provider had a regional failure that lasted {n} minutes.", "Ein vorgelagerter Anbieter hatte einen regionalen Ausfall von {n} Minuten.", "上流のプロバイダーで {n} 分間の地域障害が発生しました。", "上游供应商发生了持续 {n} 分钟的区域性故障。"],
    ["We are sorry for the disruption this caused.", "Wir entschuldigen uns für die entstandenen Unannehmlichkeiten.", "ご迷惑をおかけしたことをお詫び申し上げます。", "对由此造成的影响，我们深表歉意。"],
];

pub(crate) const TIMELINE: [Tr; 14] = [
    ["Alert fires for errors on {c}.", "Alarm wegen Fehlern bei {c}.", "{c} のエラーでアラートが発報。", "{c} 出现错误，告警触发。"],
    ["On-call engineer acknowledges the page.", "Die Bereitschaft bestätigt den Alarm.", "当番エンジニアが呼び出しに応答。", "值班工程师确认告警。"],
    ["Incident channel opened and roles assigned.", "Vorfallkanal eröffnet, Rollen verteilt.", "インシデントチャンネルを開設し役割を割り当て。", "开启事件频道并分配角色。"],
    ["Error rate on {c} reaches {n}%.", "Fehlerrate bei {c} erreicht {n} %.", "{c} のエラー率が {n}% に到達。", "{c} 错误率达到 {n}%。"],
    ["Deploy `{k}` identified as the likely cause.", "Bereitstellung `{k}` als wahrscheinliche Ursache erkannt.", "デプロイ `{k}` が原因と推定。", "确定部署 `{k}` 为可能原因。"],
    ["Rollback of `{k}` started.", "Rücknahme von `{k}` gestartet.", "`{k}` のロールバックを開始。", "开始回滚 `{k}`。"],
    ["Rollback complete; errors decreasing.", "Rücknahme abgeschlossen, Fehler gehen zurück.", "ロールバック完了、エラー減少。", "回滚完成，错误减少。"],
    ["Capacity of {c} doubled.", "Kapazität von {c} verdoppelt.", "{c} の容量を倍増。", "{c} 容量翻倍。"],
    ["Status page updated.", "Statusseite aktualisiert.", "ステータスページを更新。", "状态页已更新。"],
    ["Traffic shifted to the second region.", "Verkehr in die zweite Region verlegt.", "トラフィックを第 2 リージョンへ移行。", "流量切换至第二区域。"],
    ["Latency of {c} back to normal.", "Latenz von {c} wieder normal.", "{c} のレイテンシが正常化。", "{c} 延迟恢复正常。"],
    ["Queued jobs drained.", "Wartende Aufträge abgearbeitet.", "キューのジョブを処理完了。", "排队任务已处理完毕。"],
    ["Customer support informed.", "Kundensupport informiert.", "カスタマーサポートに連絡。", "已通知客服团队。"],
    ["Monitoring continues; no new errors.", "Beobachtung läuft weiter, keine neuen Fehler.", "監視継続、新たなエラーなし。", "持续监控，无新错误。"],
];

pub(crate) const ACTIONS: [Tr; 10] = [
    ["Add an alert on connection pool saturation for {c}", "Alarm für Auslastung des Verbindungspools von {c} einrichten", "{c} の接続プール飽和にアラートを追加", "为 {c} 连接池饱和添加告警"],
    ["Load test {c} at {n} times the peak traffic", "{c} mit dem {n}-Fachen der Spitzenlast testen", "{c} をピークの {n} 倍で負荷試験", "以峰值 {n} 倍流量对 {c} 做负载测试"],
    ["Review the default values changed by `{k}`", "Von `{k}` geänderte Standardwerte prüfen", "`{k}` で変わった既定値をレビュー", "审查 `{k}` 修改的默认值"],
    ["Update the runbook for {c}", "Runbook für {c} aktualisieren", "{c} のランブックを更新", "更新 {c} 的运维手册"],
    ["Automate certificate renewal checks", "Prüfung der Zertifikatserneuerung automatisieren", "証明書更新の確認を自動化", "自动检查证书续期"],
    ["Route night alerts to the paging system", "Nachtalarme an das Bereitschaftssystem leiten", "夜間アラートを呼び出しシステムへ転送", "将夜间告警接入呼叫系统"],
    ["Add exponential backoff to client retries", "Exponentielles Backoff für Client-Wiederholungen einführen", "クライアント再試行に指数バックオフを追加", "为客户端重试增加指数退避"],
    ["Practise the regional failover every quarter", "Regionale Umschaltung vierteljährlich üben", "リージョンのフェイルオーバーを四半期ごとに訓練", "每季度演练区域切换"],
    ["Put feature flag `{k}` behind a staged rollout", "Feature-Flag `{k}` stufenweise einführen", "機能フラグ `{k}` を段階的に展開", "对功能开关 `{k}` 采用分阶段发布"],
    ["Cap query time on {c} at {n} seconds", "Abfragezeit bei {c} auf {n} Sekunden begrenzen", "{c} のクエリ時間を {n} 秒に制限", "将 {c} 的查询时间限制为 {n} 秒"],
];

pub(crate) const LESSONS: [Tr; 8] = [
    ["Defaults deserve the same review as code.", "Standardwerte verdienen dieselbe Prüfung wie Code.", "既定値もコードと同じくレビューすべき。", "默认值也需要像代码一样审查。"],
    ["An alert nobody sees is no alert.", "Ein Alarm, den niemand sieht, ist kein Alarm.", "誰も見ないアラートはアラートではない。", "没人看到的告警等于没有告警。"],
    ["Retries without backoff turn a slowdown into an outage.", "Wiederholungen ohne Backoff machen aus einer Verlangsamung einen Ausfall.", "バックオフなしの再試行は遅延を障害に変える。", "没有退避的重试会把变慢变成中断。"],
    ["Runbooks must be tested like software.", "Runbooks müssen wie Software getestet werden.", "ランブックはソフトウェアのようにテストすべき。", "运维手册要像软件一样测试。"],
    ["Small, staged rollouts limit the blast radius.", "Kleine, gestufte Einführungen begrenzen den Schaden.", "小さく段階的な展開は影響範囲を限定する。", "小规模分阶段发布能限制影响范围。"],
    ["Capacity headroom is cheaper than an outage.", "Kapazitätsreserven sind billiger als ein Ausfall.", "容量の余裕は障害より安い。", "预留容量比故障便宜。"],
    ["Failover that is never practised does not work.", "Eine nie geübte Umschaltung funktioniert nicht.", "訓練しないフェイルオーバーは機能しない。", "从未演练的切换不会奏效。"],
    ["Status updates build trust during an incident.", "Statusmeldungen schaffen Vertrauen während eines Vorfalls.", "障害中のステータス更新は信頼を築く。", "事件期间的状态更新能建立信任。"],
];

pub(crate) const CODES: [&str; 10] = [
    "api-v42", "pool_size", "edge-router", "billing-sync", "new_checkout", "search-reindex",
    "tls-renew", "rate_limit", "session-store", "bulk_import",
];

pub(crate) const PEOPLE: [&str; 8] = [
    "Ada Park", "Jonas Weber", "Sakura Ito", "Li Wei", "Maya Chen", "Tom Berg", "Yuki Sato",
    "Sam Rivera",
];

pub(crate) const TEAMS: [&str; 5] = ["platform team", "sre", "payments team", "web team", "data team"];

pub(crate) const ZONES: [&str; 6] = [
    "UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Asia/Shanghai", "Asia/Kolkata",
];
