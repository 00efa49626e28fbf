# 故障复盘的简体中文消息（hindsight render 与状态站点的故障页面）。
# 项目可在自己的 locales/zh/postmortem.ftl 中逐条覆盖这些消息。

postmortem = 故障复盘
incident = 故障
maintenance = 维护

## 标题
heading-summary = 概述
heading-timeline = 时间线
heading-analysis = 故障分析
heading-what-happened = 事件经过
heading-root-cause = 根本原因
heading-trigger = 触发因素
heading-detection = 故障发现
heading-impact = 影响范围
heading-expected-impact = 预计影响
heading-resolution = 处置与恢复
heading-lessons = 经验教训
heading-actions = 改进措施
heading-key-figures = 关键指标
heading-internal = 内部备注

## 概要
label-incident-time = 故障时段
label-window = 维护时段
label-duration = 持续时间
label-severity = 影响级别
label-affected = 受影响的服务
label-affected-maintenance = 涉及的服务
label-status = 状态
label-authors = 撰写人
label-time = 时间
label-event = 事件
label-action = 措施
label-action-status = 进展
label-kind = 类型
label-owner = 负责人
label-due = 截止日期
label-figure = 指标
label-value = 数值

## 关键指标（自影响开始起计算）
figure-time-to-detect = 发现耗时
figure-time-to-acknowledge = 响应耗时
figure-time-to-mitigate = 止损耗时
figure-time-to-resolve = 恢复耗时
figure-maintenance-duration = 实际维护时长

## 影响级别
severity-none = 无
severity-minor = 轻微
severity-major = 重大
severity-critical = 特别重大

## 组件状态
component-operational = 运行正常
component-degraded_performance = 性能下降
component-partial_outage = 部分中断
component-major_outage = 全面中断
component-under_maintenance = 维护中

## 故障状态（公开更新）
update-investigating = 调查中
update-identified = 已定位原因
update-monitoring = 监控中
update-resolved = 已解决
update-postmortem = 已发布故障复盘
incident-ongoing = 进行中

## 改进措施
action-todo = 待处理
action-in_progress = 进行中
action-done = 已完成
action-wont_do = 不处理
kind-mitigate = 止损
kind-prevent = 预防
kind-process = 流程
kind-other = 其他

## 时间与时长
datetime-zoned = { $datetime }（{ $zone }）
time-range = { $start } 至 { $end }
time-day-only = { $date }（具体时间不详）
time-approximate = { $time }左右
duration-days = { $count }天
duration-hours = { $count }小时
duration-minutes = { $count }分钟
duration-seconds = { $count }秒
duration-short-days = { $count }天
duration-short-hours = { $count }小时
duration-short-minutes = { $count }分钟
duration-short-seconds = { $count }秒
duration-join = {""}
duration-approximate = 约{ $duration }
duration-ongoing = 已持续{ $duration }
# 日期与时间：`2023年12月17日 03:56`。
datetime = { $date } { $time }
# 同一天内的时段：`2023年12月17日 03:56 至 04:15`。
time-range-day = { $date } { $start } 至 { $end }
time-range-open = { $start }起
# 以文字表示的时区（北京时间）放在时间之前：`北京时间 2023年12月17日 08:00`。
datetime-zone-named = { $zone } { $datetime }
label-time-zoned = { $label }（{ $zone }）
# 时长的最大单位：days 或 hours（不要翻译）。
duration-largest-unit = days

## 提示
notice-draft = 草稿：本故障复盘尚未发布。
notice-review = 审核中：本故障复盘尚未发布。
notice-ongoing = 该故障仍在处理中，本页面将持续更新。
notice-pending = 该故障已解决。故障复盘正在撰写中，完成后将在此页面发布。
notice-stale = 本译文的部分内容已过时：原文（{ $language }）在翻译后已有改动。
notice-fallback = 本故障复盘的部分内容尚未翻译，以原文（{ $language }）显示。
notice-draft-maintenance = 草稿：本维护公告尚未发布。
notice-review-maintenance = 审核中：本维护公告尚未发布。
notice-fallback-maintenance = 本公告的部分内容尚未翻译，以原文（{ $language }）显示。
notice-internal = 仅限内部：此部分不会公开。
notice-untranslated = 本页面尚无中文译文，以下以原文（{ $language }）显示。

## 语言名称
language-en = 英语
language-de = 德语
language-ja = 日语
language-zh = 中文

## 列举
list-join = { "、" }
affected-component = { $name }：{ $status }

## 标点符号
label-separator = { "：" }
bracket-open = { "（" }
bracket-close = { "）" }
meta-separator = { " · " }
stale-marker = （译文可能已过时）
