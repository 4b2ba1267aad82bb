# The command line: what `main` itself prints.

# Every error ends the run with this line on standard error.
error-line = 错误：{ $error }

## Usage errors clap finds (src/report/usage.rs).
clap-unknown-flag = 没有 { $flag } 这个选项
clap-did-you-mean = 提示：是不是 { $suggestion }？
clap-unexpected-argument = 多余的参数 `{ $value }`
clap-unknown-command = 没有 `{ $name }` 这个命令
clap-missing-command = `{ $name }` 后面要跟一个命令：{ $valid }
clap-invalid-choice = { $flag } 不能取 `{ $value }`：可选 { $valid }
clap-missing-value = { $flag } 后面缺少值
clap-bad-value = { $flag } 的值 `{ $value }` 无效
clap-missing = 缺少必需的参数：{ $args }
clap-conflict = { $flag } 不能与 { $with } 同时使用
clap-repeated = { $flag } 只能给一次
clap-value-not-taken = { $flag } 不带值
clap-see-help = 运行 `{ $command } --help` 查看帮助。

## Values refused on the command line: why (the flag comes first).
usage-value = { $flag } 的值有误：{ $reason }
bad-not-a-number = `{ $text }` 不是数字
bad-not-whole = `{ $text }` 不是整数
bad-out-of-range = `{ $text }` 超出范围：应为 { $min } 到 { $max }{ $unit ->
    [months] {" "}个月
    [moves] {" "}步
    [samples] {" "}次
    [rounds] {" "}轮
    [groups] {" "}个组
    [hours] {" "}学时
    [lookahead] {" "}轮
    [year] {" "}年
   *[other] {""}
}
bad-time-limit = `{ $text }` 不是有效的时限：应大于 0 秒、不超过 { $max } 秒（一天）
bad-not-a-date = `{ $text }` 不是日期：请写成 YYYY-MM-DD，例如 2027-03-01
bad-date-out-of-range = `{ $text }` 超出范围：日期应在 { $min } 到 { $max } 之间
bad-no-ids = 没有给出编号：多个编号用逗号分隔，例如 P0014,P0033
bad-group-size = `{ $text }` 不是每组人数：请写成 最少-最多，例如 4-5
bad-group-size-order = `{ $text }`：最少人数至少为 1，且不能大于最多人数（最多 1000）
bad-lang = `{ $text }` 不是 xuncha 支持的语言：请用 zh（中文）或 en（英文）

## Errors the command line raises after reading the scenario.
usage-not-in-pool = { $flag } { $id }：不是 { $file } 的巡察人才库成员（pool: true）
usage-shift-beyond-term = --shift-months { $months } 超出范围：{ $file } 的届期共 { $max } 个月，请给 -{ $max } 到 { $max }
usage-no-term = { $flag }：{ $file } 没有届期（term）可供调整；请先在场景中加上 `term:`（见 FORMAT.md）
usage-do-not-combine = { $first } 与 { $second } 不能同时使用：请分开运行
usage-csv-one-run = --format csv 或 xlsx 只能输出一次模拟的各轮；用 --compare 或蒙特卡洛时请选 table 或 json
usage-no-round = { $file }：场景中没有要编排的轮次（round）；请加上 `round:` 部分（见 FORMAT.md）
usage-no-date = { $file } 没有本轮可取日期：请给出 { $flag } YYYY-MM-DD
usage-empty-course = --course 为空：请写上课程名称
usage-unknown-kind = --kind { $text } 不是培训类别：可用 annual（全脱产专训）、pre_round（轮前培训）、practice（实战历练）、online（网络培训）、other（其他）
usage-unknown-grade = --grade { $text } 不是考核等次：可用 优秀、称职、基本称职、不称职（或 excellent、competent、basic、unfit）
usage-output-is-input = -o { $file } 就是本命令要读取的文件 { $input }：请换一个输出文件名，以免覆盖
stdout-failed = 无法写入标准输出：{ $reason }

## Files.
io-cannot-read = 无法读取 { $file }：{ $reason }
io-not-found = 文件或目录不存在
io-permission = 没有权限
io-not-a-file = 不是普通文件（这是{ $kind ->
    [directory] 一个目录
    [fifo] 一个命名管道
    [socket] 一个套接字
    [device] 一个设备
   *[other] 一个特殊文件
}）
io-too-large = 文件超过 { $limit } 字节的上限
io-other = { $error }
usage-variant = --compare "{ $text }" 的写法有误：{ $reason }
