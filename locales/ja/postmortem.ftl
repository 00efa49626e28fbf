# ポストモーテムの日本語メッセージ（hindsight render とステータスサイトのインシデントページ）。
# プロジェクト側の locales/ja/postmortem.ftl で個々のメッセージを上書きできます。

postmortem = ポストモーテム
incident = インシデント
maintenance = メンテナンス

## 見出し
heading-summary = 概要
heading-timeline = タイムライン
heading-analysis = 原因分析
heading-what-happened = 発生した事象
heading-root-cause = 根本原因
heading-trigger = 発生契機
heading-detection = 検知
heading-impact = 影響範囲
heading-expected-impact = 想定される影響
heading-resolution = 対応と復旧
heading-lessons = 教訓
heading-actions = 是正措置と再発防止策
heading-key-figures = 主要指標
heading-internal = 社内向けメモ

## 概要欄
label-incident-time = 発生期間
label-window = 実施期間
label-duration = 影響時間
label-severity = 影響度
label-affected = 影響を受けたサービス
label-affected-maintenance = 対象サービス
label-status = ステータス
label-authors = 作成者
label-time = 日時
label-event = 出来事
label-action = 対策
label-action-status = 状況
label-kind = 種別
label-owner = 担当
label-due = 期限
label-figure = 指標
label-value = 値

## 主要指標（影響の開始から計測）
figure-time-to-detect = 検知までの時間
figure-time-to-acknowledge = 初動対応までの時間
figure-time-to-mitigate = 暫定対処までの時間
figure-time-to-resolve = 復旧までの時間
figure-maintenance-duration = 作業時間

## 影響度
severity-none = なし
severity-minor = 軽微
severity-major = 重大
severity-critical = 甚大

## コンポーネントの状態
component-operational = 正常稼働
component-degraded_performance = パフォーマンス低下
component-partial_outage = 一部停止
component-major_outage = 全面停止
component-under_maintenance = メンテナンス中

## インシデントの状況（公開アップデート）
update-investigating = 調査中
update-identified = 原因特定済み
update-monitoring = 経過観察中
update-resolved = 解決済み
update-postmortem = ポストモーテム公開済み
incident-ongoing = 継続中

## 対策
action-todo = 未着手
action-in_progress = 対応中
action-done = 完了
action-wont_do = 対応しない
kind-mitigate = 暫定対処
kind-prevent = 再発防止策
kind-process = プロセス改善
kind-other = その他

## 日時と時間
datetime-zoned = { $datetime }（{ $zone }）
time-range = { $start }～{ $end }
time-day-only = { $date }（時刻不明）
time-approximate = { $time }頃
duration-days = { $count }日
duration-hours = { $count }時間
duration-minutes = { $count }分
duration-seconds = { $count }秒
duration-short-days = { $count }日
duration-short-hours = { $count }時間
duration-short-minutes = { $count }分
duration-short-seconds = { $count }秒
duration-join = {""}
duration-approximate = 約{ $duration }
duration-ongoing = { $duration }継続中
# 日付と時刻：`2023年12月17日 3:56`。
datetime = { $date } { $time }
# 同じ日の時間帯：`2023年12月17日 3:56～4:15`。
time-range-day = { $date } { $start }～{ $end }
time-range-open = { $start }～
datetime-zone-named = { $datetime }（{ $zone }）
label-time-zoned = { $label }（{ $zone }）
# 期間の最大単位：days または hours（翻訳しない）。1日を超える期間は時間で数える（`24時間59分`）。
duration-largest-unit = hours

## お知らせ
notice-draft = 下書き：このポストモーテムは公開されていません。
notice-review = レビュー中：このポストモーテムはまだ公開されていません。
notice-ongoing = このインシデントは継続中です。このページは随時更新します。
notice-pending = このインシデントは解消しました。ポストモーテムは現在作成中で、完成しだいこのページで公開します。
notice-stale = この翻訳の一部は古くなっています。翻訳後に原文（{ $language }）が更新されました。
notice-fallback = このポストモーテムの一部はまだ翻訳されておらず、原文（{ $language }）のまま表示しています。
notice-draft-maintenance = 下書き：このメンテナンスのお知らせは公開されていません。
notice-review-maintenance = レビュー中：このメンテナンスのお知らせはまだ公開されていません。
notice-fallback-maintenance = このお知らせの一部はまだ翻訳されておらず、原文（{ $language }）のまま表示しています。
notice-internal = 社内限定：このセクションは公開されません。
notice-untranslated = このページはまだ日本語に翻訳されていないため、原文（{ $language }）で表示しています。

## 言語名
language-en = 英語
language-de = ドイツ語
language-ja = 日本語
language-zh = 中国語

## 列挙
list-join = { "、" }
affected-component = { $name }：{ $status }

## 句読点
label-separator = { "：" }
bracket-open = { "（" }
bracket-close = { "）" }
meta-separator = { "｜" }
stale-marker = （翻訳が古い可能性あり）
