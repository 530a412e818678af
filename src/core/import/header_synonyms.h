// What a column is, from its header: one table of the names people and systems give each field the
// workspace knows, in Chinese and English (客户编号, 订单日期, 实付金额; Customer ID, Close Date, Amount).
#pragma once
#include <string>
#include <string_view>

namespace lcs {

// Fields an imported column can fill. order_id is recognised so that an order's own number is never
// taken for the customer's id; it is not stored.
enum class ImportField {
    none,
    customer_id,
    date,
    amount,
    cost,
    product,
    name,
    first_name,
    last_name,
    status,
    segment,
    channel,
    email,
    phone,
    nps,
    lifecycle_stage,
    order_id,
};
inline constexpr int kImportFieldCount = static_cast<int>(ImportField::order_id) + 1;

// The header compared as the table holds it: ASCII lower-cased, blanks, '_', '-', '.', '/', ':' and a
// bracketed unit or note removed ("Order Date" → "orderdate", "金额(元)" → "金额", "实付金额（元）" → "实付金额").
std::string normal_header_name(std::string_view header);

// The field a header names; none when the table does not know it.
ImportField field_for_header(std::string_view header);

// Stable English id of a field: "customer_id", "date", ..., "order_id"; "none".
const char* import_field_id(ImportField field);

}  // namespace lcs
