# 状态站点（hindsight build）的简体中文消息。
# 项目可在自己的 locales/zh/site.ftl 中定义同名消息来覆盖。

## 导航与页面标题
site-current-status = 当前状态
site-history = 历史故障
site-metrics = 指标
site-components = 组件
site-component = 组件
site-skip = 跳至主要内容
site-language = 语言
site-feed = 订阅（Atom 订阅源）
site-api = JSON API
site-back = 返回当前状态
site-as-of = 截至{ $datetime }的状态
site-powered = 由 hindsight 生成
site-widget-as-of = 截至{ $datetime }

## 总体状态（Statuspage 指示器）
banner-none = 所有系统运行正常
banner-minor = 部分服务轻微异常
banner-major = 部分系统中断
banner-critical = 重大系统中断
banner-maintenance = 正在进行维护

## 站点上的故障
site-ongoing = 进行中的故障
site-no-incidents = 尚未报告任何故障。
site-latest-update = 最新进展
site-not-public = 草稿 — 未公开
site-component-incidents = 影响此组件的故障
site-recent = 过往故障
site-history-months = 按月
site-history-newer = 较新的月份
site-history-older = 较早的月份
site-month-incidents = 故障
site-component-history = 更早的故障请见历史故障

## 可用率条
uptime-heading = 过去90天的可用率
uptime-percent = 可用率{ $percent }%
uptime-start = 90天前
uptime-end = 今天
uptime-day-clear = { $date }：无停机
uptime-day-degraded = { $date }：{ $status }，无停机
uptime-day-down = { $date }：停机{ $duration }
uptime-legend = 每根竖条代表一天，颜色表示该组件当天停机时间的长短。部分中断按30%计入停机时间。
uptime-label = 过去90天的可用率：{ $percent }%

## 由里程碑生成的状态更新（JSON API 与订阅源）
update-body-investigating = 我们正在调查此故障。
update-body-monitoring = 修复已部署，我们正在监控效果。
update-body-resolved = 此故障已解决。
update-body-scheduled = 此维护已排期。
update-body-in_progress = 计划维护正在进行中，我们会根据需要发布进展。
update-body-verifying = 工作已完成，我们正在确认一切运行正常。
update-body-completed = 计划维护已完成。
update-body-cancelled = 此计划维护已取消。

## 徽章
badge-status = 状态
badge-none = 运行正常
badge-minor = 轻微异常
badge-major = 部分中断
badge-critical = 重大中断
badge-maintenance = 维护中

## 不存在的页面
site-not-found = 页面未找到
site-not-found-text = 该页面可能已被移动或删除。

## Metrics page
metrics-intro = 过去12个月已发布的故障，按开始的月份统计。
metrics-incidents = 每月故障数
metrics-resolve = 平均恢复时间
metrics-uptime = 每月可用率
metrics-actions = 后续行动
metrics-actions-open = { $count }项未完成
metrics-actions-overdue = { $count }项已逾期
metrics-month = 月份
metrics-component = 组件
metrics-bar = { $month }：{ $value }
metrics-uptime-note = 可用率（%）的加权方式与可用率条相同；本月统计到当前为止。
metrics-max = 最大{ $value }
metrics-no-data = 这些月份没有数据。
metrics-count = 故障数

## 计划维护
site-maintenance-active = 正在进行的维护
site-maintenance-upcoming = 即将进行的维护
site-maintenance-past = 已完成的维护
site-maintenance-calendar = 维护日历（iCalendar）
maintenance-scheduled = 已计划
maintenance-in_progress = 进行中
maintenance-verifying = 验证中
maintenance-completed = 已完成
maintenance-cancelled = 已取消
