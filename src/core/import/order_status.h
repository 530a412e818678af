// Whether an order's status says it did not happen (cancelled, refunded, a lost deal). Such rows are
// left out of an import by default and counted in its report.
#pragma once
#include <string_view>

namespace lcs {

// True for 已取消, 取消, 已退款, 退款成功, 交易关闭, 已关闭, 已作废, Cancelled/Canceled, Refunded,
// Voided, Returned, Closed Lost and their kin (English compared case- and blank-insensitively; Chinese
// also inside a longer status such as "交易关闭（买家取消）"). "Closed" alone, "Closed Won", "部分退款"
// (partly refunded) and empty text are not.
bool is_cancelled_status(std::string_view status);

}  // namespace lcs
