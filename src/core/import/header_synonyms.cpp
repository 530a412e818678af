#include "core/import/header_synonyms.h"

#include <algorithm>
#include <initializer_list>

namespace lcs {

namespace {

struct Synonyms {
    ImportField field;
    std::initializer_list<const char*> names;  // as normal_header_name gives them
};

// English names as CRMs, shops and spreadsheets export them (HubSpot, Salesforce, Shopify, ...), Chinese
// as Taobao/Tmall, Youzan, Weidian and hand-made Excel sheets do. Compared whole, never by substring.
const Synonyms kSynonyms[] = {
    {ImportField::customer_id,
     {"id", "customerid", "customer", "custid", "customerno", "customernumber", "customercode", "clientid", "client",
      "userid", "user", "memberid", "memberno", "masterid", "accountid", "account", "recordid", "contactid", "buyerid",
      "客户", "客户id", "客户编号", "客户号", "客户代码", "客户编码", "会员", "会员id", "会员号", "会员编号", "会员卡号",
      "用户id", "用户编号", "用户", "买家id", "买家会员名", "买家账号", "顾客id", "顾客编号",
      "客戶", "客戶id", "客戶編號", "會員id", "會員編號"}},  // the last: traditional characters (Big5 files)
    {ImportField::date,
     {"date", "orderdate", "purchasedate", "transactiondate", "invoicedate", "day", "time", "timestamp", "datetime",
      "closedate", "created", "createdate", "createdat", "createddate", "paymentdate", "paiddate", "paidat", "orderedat",
      "日期", "订单日期", "下单时间", "下单日期", "支付时间", "支付日期", "付款时间", "付款日期", "交易日期", "交易时间",
      "成交日期", "成交时间", "创建时间", "创建日期", "订单创建时间", "时间", "购买日期", "购买时间", "消费日期", "消费时间",
      "訂單日期", "交易時間", "下單時間", "時間"}},
    {ImportField::amount,
     {"amount", "value", "revenue", "sales", "total", "price", "dollars", "dollarvalue", "monetaryvalue", "spend",
      "ordertotal", "totalamount", "orderamount", "paidamount", "totalprice", "subtotal", "netsales", "grosssales",
      "金额", "销售额", "交易金额", "实付金额", "订单金额", "支付金额", "实收金额", "付款金额", "总金额", "成交金额",
      "消费金额", "买家实际支付金额", "实付款", "订单总额", "营业额", "金額", "訂單金額", "實付金額", "銷售額"}},
    {ImportField::cost, {"cost", "cogs", "costofgoods", "unitcost", "成本", "成本价", "成本金额", "进货价"}},
    {ImportField::product,
     {"product", "item", "sku", "category", "productname", "itemname", "lineitemname", "产品", "商品", "品类",
      "商品名称", "产品名称", "宝贝标题", "商品标题", "品名"}},
    {ImportField::name,
     {"name", "customername", "fullname", "contactname", "company", "companyname", "accountname", "clientname",
      "客户姓名", "姓名", "客户名称", "公司名称", "名称", "会员姓名", "收货人姓名", "收货人", "联系人", "客户名",
      "客戶姓名", "客戶名稱", "公司名稱"}},
    {ImportField::first_name, {"firstname", "givenname", "forename", "名"}},
    {ImportField::last_name, {"lastname", "surname", "familyname", "姓"}},
    {ImportField::status,
     {"status", "orderstatus", "stage", "dealstage", "state", "financialstatus", "paymentstatus",
      "订单状态", "状态", "交易状态", "退款状态", "支付状态", "狀態", "訂單狀態"}},
    {ImportField::segment,
     {"segment", "customersegment", "tier", "customertier", "customertype", "客户类型", "客户分层", "客户等级", "分群",
      "细分", "会员等级", "客户分类", "分层"}},
    {ImportField::channel,
     {"channel", "source", "acquisitionchannel", "originalsource", "leadsource", "saleschannel",
      "渠道", "来源", "获客渠道", "销售渠道", "来源渠道", "客户来源"}},
    {ImportField::email, {"email", "emailaddress", "mail", "邮箱", "电子邮箱", "电子邮件", "邮件"}},
    {ImportField::phone,
     {"phone", "phonenumber", "mobile", "mobilephone", "tel", "telephone", "电话", "手机", "手机号", "手机号码",
      "联系电话", "联系方式"}},
    {ImportField::nps, {"nps", "npsscore", "likelihoodtorecommend", "推荐值", "净推荐值", "nps评分", "推荐意愿"}},
    {ImportField::lifecycle_stage,
     {"lifecyclestage", "lifecycle", "customerstage", "生命周期阶段", "生命周期", "客户阶段", "客户生命周期"}},
    {ImportField::order_id,
     {"orderid", "orderno", "ordernumber", "order", "invoice", "invoiceno", "invoiceid", "invoicenumber",
      "transactionid", "dealid", "dealname", "订单号", "订单编号", "订单id", "交易号", "交易编号", "流水号", "单号"}},
};

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }

// Removes one bracketed part: "(...)", "[...]", "（...）" (full-width), "【...】".
std::string without_brackets(std::string text) {
    static const std::pair<const char*, const char*> kPairs[] = {
        {"(", ")"}, {"[", "]"}, {"\xEF\xBC\x88", "\xEF\xBC\x89"}, {"\xE3\x80\x90", "\xE3\x80\x91"}};
    for (const auto& [open, close] : kPairs) {
        const std::size_t begin = text.find(open);
        if (begin == std::string::npos) continue;
        const std::size_t end = text.find(close, begin);
        if (end == std::string::npos) continue;
        text.erase(begin, end - begin + std::char_traits<char>::length(close));
    }
    return text;
}

}  // namespace

std::string normal_header_name(std::string_view header) {
    std::string out;
    for (char c : header) {
        if (c == ' ' || c == '\t' || c == '_' || c == '-' || c == '.' || c == '/' || c == ':' || c == '"') continue;
        out += is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
    }
    if (out.size() >= 3 && out.compare(0, 3, "\xEF\xBB\xBF") == 0) out.erase(0, 3);  // a stray BOM
    const std::string bare = without_brackets(out);
    return bare.empty() ? out : bare;
}

ImportField field_for_header(std::string_view header) {
    const std::string name = normal_header_name(header);
    if (name.empty()) return ImportField::none;
    for (const Synonyms& synonyms : kSynonyms)
        if (std::any_of(synonyms.names.begin(), synonyms.names.end(), [&](const char* n) { return name == n; }))
            return synonyms.field;
    return ImportField::none;
}

const char* import_field_id(ImportField field) {
    static const char* const kIds[kImportFieldCount] = {
        "none",  "customer_id", "date",    "amount",  "cost",  "product", "name",            "first_name",
        "last_name", "status",  "segment", "channel", "email", "phone",   "nps", "lifecycle_stage", "order_id"};
    const int index = static_cast<int>(field);
    return index >= 0 && index < kImportFieldCount ? kIds[index] : "none";
}

}  // namespace lcs
