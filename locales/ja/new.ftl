# 新しい記録（hindsight new）の案内コメント：良いセクションの書き方。
# プロジェクト側の locales/ja/new.ftl で個々のメッセージを上書きできます。

guide-intro = TODO をすべて書き換えてください。status を published にすると、残りを `hindsight lint` が示します。
guide-announced = 公開済み：このインシデントは現在ステータスページに表示されています。状況報告は `hindsight update` で追加し、解消後にコメントアウトされたセクションにポストモーテムを書いてください（行頭の # を外し、TODO をすべて書き換えます）。
guide-status = draft -> review -> published(公開されるのは published のみ)。
guide-severity = none | minor | major | critical
guide-affected = 影響を受けたコンポーネントと最も悪かった状態(operational | degraded_performance | partial_outage | major_outage | under_maintenance):
guide-started = 影響が始まった時刻(上のタイムゾーン)。
guide-milestones = 判明したら記入します(14:10 のような時刻は `started` の日付になります):
guide-summary = 利用者にわかる 2～3 文で:何が、誰に対して、どれだけの時間止まったか。
guide-impact = 誰にどれだけ影響したか:ユーザー数、リクエスト、金額、データ。形容詞より数字で。
guide-what-happened = 最初の兆候から復旧までの経緯を順に。
guide-root-cause = 誰がではなく、なぜ起きたか:障害を可能にした条件。
guide-trigger = 障害のきっかけとなった変更や出来事。
guide-detection = どのように気付いたか、どうすればもっと早く気付けたか。
guide-resolution = 何によってサービスが復旧したか、どこがまだ暫定対応か。
guide-timeline = 事実ごとに 1 項目、時刻付きで。`status:` を付けると公開の状況報告になります。
guide-lessons = うまくいったこと、うまくいかなかったこと、運がよかったこと。
guide-actions = 具体的に、担当者と期限を決めて:変更 1 つ、担当 1 人、期日 1 つ。
guide-exposure = セキュリティ:誰が何にいつからいつまでアクセスできたか、それをどう確認したか。
guide-exposure-heading = 露出の範囲
guide-data = セキュリティ:どのデータが、何件(何人分)、閲覧または改変されたか。
guide-data-heading = 影響を受けたデータ
guide-disclosure = セキュリティ:誰に、いつ、どの経路で通知したか(利用者、当局)。
guide-disclosure-heading = 開示
guide-maintenance-intro = 計画メンテナンス：各 TODO を書き換え、告知するときに status を published にします。ステータスページには `scheduled_for` から `scheduled_until` までの時間帯が表示されます。
guide-kind = maintenance：事前に告知する計画作業（`kind` のない記録はインシデントです）。
guide-maintenance-affected = 作業の対象となるコンポーネントと、時間帯中の状態（通常は under_maintenance）：
guide-scheduled = 予定の時間帯。上のタイムゾーンで書きます（23:00 のような時刻は `scheduled_for` の日付になります）。
guide-auto-complete = 時間帯の終わりに自動で完了します。`resolved` で手動で閉じる場合は false にします。
guide-cancelled = 作業を中止した場合は、記録を残したまま次を設定します：
guide-maintenance-happened = 作業が実際に始まった時刻と終わった時刻。その都度記入します：
guide-maintenance-summary = 何を、なぜ行うのかを、お客様にわかる二、三文で。
guide-maintenance-impact = 時間帯中に利用者が気づくこと：使えなくなるもの、遅くなるもの、その間にできること。
