//! The sentences of the long Markdown fields, in en, de, ja and zh in parallel. `{c}` is a
//! component's name, `{n}` a number, `{k}` a code identifier.

use crate::bank::Tr;

pub(crate) const PROSE: [Tr; 24] = [
    [
        "Requests to {c} failed with server errors for a part of our customers.",
        "Anfragen an {c} schlugen für einen Teil unserer Kunden mit Serverfehlern fehl.",
        "{c} へのリクエストが一部のお客様でサーバーエラーになりました。",
        "部分客户对 {c} 的请求返回了服务器错误。",
    ],
    [
        "About {n}% of requests were affected at the peak.",
        "Zur Spitze waren etwa {n} % der Anfragen betroffen.",
        "ピーク時にはリクエストの約 {n}% が影響を受けました。",
        "高峰时约 {n}% 的请求受到影响。",
    ],
    [
        "The deploy of `{k}` changed a default that nobody had reviewed.",
        "Die Bereitstellung von `{k}` änderte einen Standardwert, den niemand geprüft hatte.",
        "`{k}` のデプロイで、誰もレビューしていなかった既定値が変わりました。",
        "`{k}` 的部署修改了一个无人审查的默认值。",
    ],
    [
        "Our monitoring raised an alert within **{n} minutes**.",
        "Unsere Überwachung schlug innerhalb von **{n} Minuten** Alarm.",
        "監視は **{n} 分以内** にアラートを出しました。",
        "监控在 **{n} 分钟内** 发出了告警。",
    ],
    [
        "The on-call engineer rolled back the change and the error rate dropped.",
        "Die Bereitschaft nahm die Änderung zurück, und die Fehlerrate sank.",
        "当番のエンジニアが変更をロールバックし、エラー率は下がりました。",
        "值班工程师回滚了变更，错误率随之下降。",
    ],
    [
        "A connection pool in {c} was exhausted under normal load.",
        "Ein Verbindungspool in {c} war schon unter normaler Last erschöpft.",
        "{c} の接続プールが通常の負荷で枯渇しました。",
        "{c} 的连接池在正常负载下就已耗尽。",
    ],
    [
        "Retries from clients multiplied the load by {n}.",
        "Wiederholungsversuche der Clients vervielfachten die Last um das {n}-Fache.",
        "クライアントの再試行で負荷が {n} 倍になりました。",
        "客户端重试使负载增加到 {n} 倍。",
    ],
    [
        "No data was lost, and every queued job ran once the service recovered.",
        "Es gingen keine Daten verloren, und jeder wartende Auftrag lief nach der Erholung.",
        "データの損失はなく、キューのジョブは復旧後にすべて実行されました。",
        "没有数据丢失，服务恢复后所有排队任务均已执行。",
    ],
    [
        "Customers saw slow pages and some saw errors when saving.",
        "Kunden sahen langsame Seiten, manche auch Fehler beim Speichern.",
        "お客様にはページの遅延が見られ、一部では保存時にエラーが出ました。",
        "客户看到页面变慢，部分客户保存时出错。",
    ],
    [
        "We added capacity to {c} and watched the latency for an hour.",
        "Wir erweiterten die Kapazität von {c} und beobachteten die Latenz eine Stunde lang.",
        "{c} の容量を増やし、1 時間レイテンシを監視しました。",
        "我们为 {c} 扩容，并观察延迟一小时。",
    ],
    [
        "The alert went to a channel that nobody watched at night.",
        "Der Alarm ging in einen Kanal, den nachts niemand beobachtete.",
        "アラートは夜間に誰も見ていないチャンネルに送られていました。",
        "告警被发送到夜间无人查看的频道。",
    ],
    [
        "The failover to the standby replica took {n} minutes longer than planned.",
        "Die Umschaltung auf das Standby-Replikat dauerte {n} Minuten länger als geplant.",
        "スタンバイレプリカへのフェイルオーバーは予定より {n} 分長くかかりました。",
        "切换到备用副本比计划多用了 {n} 分钟。",
    ],
    [
        "A certificate on {c} expired because its renewal job had been disabled.",
        "Ein Zertifikat von {c} lief ab, weil sein Erneuerungsauftrag deaktiviert war.",
        "更新ジョブが無効になっていたため、{c} の証明書が失効しました。",
        "由于续期任务被禁用，{c} 的证书过期了。",
    ],
    [
        "The runbook described an older version of the system.",
        "Das Runbook beschrieb eine ältere Version des Systems.",
        "ランブックは古いバージョンのシステムを説明していました。",
        "运维手册描述的是旧版本的系统。",
    ],
    [
        "We paused the rollout of `{k}` until the cause was understood.",
        "Wir hielten die Einführung von `{k}` an, bis die Ursache verstanden war.",
        "原因が分かるまで `{k}` のロールアウトを停止しました。",
        "在查明原因之前，我们暂停了 `{k}` 的发布。",
    ],
    [
        "Disk usage on the primary node grew by {n} GB in an hour.",
        "Die Plattenbelegung des Primärknotens wuchs in einer Stunde um {n} GB.",
        "プライマリノードのディスク使用量が 1 時間で {n} GB 増えました。",
        "主节点的磁盘用量在一小时内增长了 {n} GB。",
    ],
    [
        "A slow query held locks that blocked writes to {c}.",
        "Eine langsame Abfrage hielt Sperren, die Schreibzugriffe auf {c} blockierten.",
        "遅いクエリがロックを保持し、{c} への書き込みを妨げました。",
        "一个慢查询持有锁，阻塞了对 {c} 的写入。",
    ],
    [
        "The status page was updated every {n} minutes during the incident.",
        "Die Statusseite wurde während des Vorfalls alle {n} Minuten aktualisiert.",
        "障害中、ステータスページは {n} 分ごとに更新されました。",
        "事件期间状态页每 {n} 分钟更新一次。",
    ],
    [
        "Traffic was moved to the second region while the first one recovered.",
        "Der Verkehr wurde in die zweite Region verlegt, während sich die erste erholte.",
        "最初のリージョンが復旧する間、トラフィックを 2 つ目のリージョンに移しました。",
        "在第一个区域恢复期间，流量被切换到第二个区域。",
    ],
    [
        "The feature flag `{k}` was turned off for all accounts.",
        "Das Feature-Flag `{k}` wurde für alle Konten abgeschaltet.",
        "機能フラグ `{k}` をすべてのアカウントで無効にしました。",
        "功能开关 `{k}` 已对所有账户关闭。",
    ],
    [
        "Our load tests had not covered this traffic pattern.",
        "Unsere Lasttests hatten dieses Verkehrsmuster nicht abgedeckt.",
        "負荷テストはこのトラフィックパターンを想定していませんでした。",
        "我们的负载测试没有覆盖这种流量模式。",
    ],
    [
        "See the [runbook](https://runbooks.example.com/{k}) for the recovery steps.",
        "Die Schritte zur Wiederherstellung stehen im [Runbook](https://runbooks.example.com/{k}).",
        "復旧手順は [ランブック](https://runbooks.example.com/{k}) を参照してください。",
        "恢复步骤见[运维手册](https://runbooks.example.com/{k})。",
    ],
    [
        "An upstream provider had a regional failure that lasted {n} minutes.",
        "Ein vorgelagerter Anbieter hatte einen regionalen Ausfall von {n} Minuten.",
        "上流のプロバイダーで {n} 分間の地域障害が発生しました。",
        "上游供应商发生了持续 {n} 分钟的区域性故障。",
    ],
    [
        "We are sorry for the disruption this caused.",
        "Wir entschuldigen uns für die entstandenen Unannehmlichkeiten.",
        "ご迷惑をおかけしたことをお詫び申し上げます。",
        "对由此造成的影响，我们深表歉意。",
    ],
];
