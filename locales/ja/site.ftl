# ステータスサイト（hindsight build）の日本語メッセージ。
# プロジェクトの locales/ja/site.ftl で同じ ID を定義すると上書きできます。

## ナビゲーションとページタイトル
site-current-status = 現在のステータス
site-history = インシデント履歴
site-metrics = 指標
site-components = コンポーネント
site-component = コンポーネント
site-skip = 本文へ移動
site-language = 言語
site-feed = 購読（Atom フィード）
site-api = JSON API
site-back = 現在のステータスに戻る
site-as-of = { $datetime }時点の状況
site-powered = hindsight で作成
site-widget-as-of = { $datetime }時点

## 全体のステータス（Statuspage のインジケーター）
banner-none = すべてのシステムが正常に稼働しています
banner-minor = 一部のサービスに軽微な障害が発生しています
banner-major = 一部のシステムで重大な障害が発生しています
banner-critical = 大規模な障害が発生しています
banner-maintenance = メンテナンスを実施中です

## サイト上のインシデント
site-ongoing = 対応中のインシデント
site-no-incidents = 報告されたインシデントはありません。
site-latest-update = 最新情報
site-not-public = 下書き — 非公開
site-component-incidents = このコンポーネントに影響したインシデント
site-recent = 過去のインシデント
site-history-months = 月別
site-history-newer = より新しい月
site-history-older = より古い月
site-month-incidents = インシデント
site-component-history = それ以前のインシデントはインシデント履歴にあります

## 稼働率バー
uptime-heading = 過去90日間の稼働率
uptime-percent = 稼働率{ $percent }%
uptime-start = 90日前
uptime-end = 今日
uptime-day-clear = { $date }：停止なし
uptime-day-degraded = { $date }：{ $status }、停止なし
uptime-day-down = { $date }：停止時間{ $duration }
uptime-legend = 1本のバーが1日を表し、色はその日にコンポーネントが停止していた時間の長さを示します。一部停止は停止時間の30%として計上します。
uptime-label = 過去90日間の稼働率：{ $percent }%

## マイルストーンから作るステータス更新（JSON API とフィード）
update-body-investigating = このインシデントを調査しています。
update-body-monitoring = 修正を適用し、経過を監視しています。
update-body-resolved = このインシデントは解決しました。
update-body-scheduled = このメンテナンスを予定しています。
update-body-in_progress = 予定されたメンテナンスを実施中です。必要に応じて続報をお知らせします。
update-body-verifying = 作業は完了し、正常に動作していることを確認しています。
update-body-completed = 予定されたメンテナンスは完了しました。
update-body-cancelled = この予定されたメンテナンスは中止されました。

## バッジ
badge-status = ステータス
badge-none = 正常稼働
badge-minor = 軽微な障害
badge-major = 一部障害
badge-critical = 大規模障害
badge-maintenance = メンテナンス中

## 存在しないページ
site-not-found = ページが見つかりません
site-not-found-text = URL が間違っているか、ページが移動または削除された可能性があります。

## Metrics page
metrics-intro = 過去12か月に公開したインシデントを、発生した月ごとに示します。
metrics-incidents = 月別インシデント数
metrics-resolve = 平均復旧時間
metrics-uptime = 月別稼働率
metrics-actions = フォローアップ項目
metrics-actions-open = 未完了{ $count }件
metrics-actions-overdue = 期限超過{ $count }件
metrics-month = 月
metrics-component = コンポーネント
metrics-bar = { $month }：{ $value }
metrics-uptime-note = 稼働率（%）は稼働率バーと同じ重み付けで計算しています。今月分は現時点までの値です。
metrics-max = 最大{ $value }
metrics-no-data = この期間のデータはありません。
metrics-count = 件数

## 計画メンテナンス
site-maintenance-active = 実施中のメンテナンス
site-maintenance-upcoming = 予定されているメンテナンス
site-maintenance-past = 過去のメンテナンス
site-maintenance-calendar = メンテナンスカレンダー（iCalendar）
maintenance-scheduled = 予定
maintenance-in_progress = 実施中
maintenance-verifying = 確認中
maintenance-completed = 完了
maintenance-cancelled = 中止
