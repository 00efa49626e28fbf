# 新记录（hindsight new）中的指引注释：好的章节是什么样的。
# 项目自己的 locales/zh/new.ftl 可以覆盖其中任一条消息。

guide-intro = 请替换每个 TODO；status 设为 published 后，`hindsight lint` 会列出尚未填写的部分。
guide-announced = 已发布：状态页现在显示此故障。用 `hindsight update` 发布状态更新；故障解决后，在被注释掉的章节中撰写故障复盘（去掉行首的 #，并替换每个 TODO）。
guide-status = draft -> review -> published（只有 published 的记录会公开）。
guide-severity = none | minor | major | critical
guide-affected = 受影响的组件及其最差状态（operational | degraded_performance | partial_outage | major_outage | under_maintenance）：
guide-started = 影响开始的时间（按上面的时区）。
guide-milestones = 发生后再填写（14:10 这样的时间取 `started` 的日期）：
guide-summary = 用用户看得懂的两三句话说明：什么出了故障、影响了谁、持续多久。
guide-impact = 谁受到了多大影响：用户、请求、金额、数据。用数字，不用形容词。
guide-what-happened = 按时间顺序叙述，从最初的迹象到恢复。
guide-root-cause = 说明为什么发生，而不是谁的错：使故障成为可能的条件。
guide-trigger = 引发故障的变更或事件。
guide-detection = 如何发现的，以及怎样才能更早发现。
guide-resolution = 是什么恢复了服务，哪些仍是临时措施。
guide-timeline = 每条记录一个事实并附时间；加上 `status:` 即成为公开的状态更新。
guide-lessons = 哪些做得好，哪些做得不好，哪里是侥幸。
guide-actions = 具体、有负责人、有期限：一项改动、一位负责人、一个截止日期。
guide-exposure = 安全：谁在什么时间段能访问什么，以及我们如何确认。
guide-exposure-heading = 暴露范围
guide-data = 安全：哪些数据、多少条记录或多少用户，是被读取还是被修改。
guide-data-heading = 受影响的数据
guide-disclosure = 安全：何时、通过什么渠道通知了谁（用户、监管机构）。
guide-disclosure-heading = 披露
guide-maintenance-intro = 计划维护：替换每个 TODO，发布公告时将 status 设为 published。状态页会显示从 `scheduled_for` 到 `scheduled_until` 的维护时段。
guide-kind = maintenance：提前公告的计划工作（没有 `kind` 的记录是故障）。
guide-maintenance-affected = 工作涉及的组件及其在维护时段内的状态（通常为 under_maintenance）：
guide-scheduled = 计划的维护时段，使用上方的时区（像 23:00 这样的时刻取 `scheduled_for` 的日期）。
guide-auto-complete = 维护时段结束时自动完成；若要用 `resolved` 手动结束，请设为 false。
guide-cancelled = 如果工作取消，请保留记录并设置：
guide-maintenance-happened = 工作实际开始和结束的时间，发生时填写：
guide-maintenance-summary = 用客户能理解的两三句话说明要做什么以及为什么。
guide-maintenance-impact = 维护时段内用户会注意到什么：哪些功能不可用或变慢，以及这期间可以怎么做。
