// Names UI items so tests can find them: call automation::record("customers.filter") right after a
// widget; window.lifecycleStudio.itemRect("customers.filter") then gives its rectangle. Only items
// drawn in the last frame are known. Names: "<area>.<item>", e.g. "menu.file", "file.open",
// "tab.customers", "customer.name", "customers.row.C00042".
#pragma once
#include <string>

namespace lcs::automation {

void begin_frame();                     // forget the previous frame's items
void record(const std::string& name);   // the last ImGui item
void record_rect(const std::string& name, float x, float y, float w, float h);  // ImGui pixels

// JSON {"x":..,"y":..,"w":..,"h":..} in ImGui pixels, or "null".
std::string rect_json(const std::string& name);
// JSON array of every recorded name.
std::string names_json();

// Values a panel shows, for tests: publish("scenario", "{...}") makes window.lifecycleStudio.state()
// carry "scenario": {...}. Like item rects, only values published in the last frame are kept.
void publish(const std::string& key, const std::string& json);
// JSON object {key: value, ...} of the last frame's published values.
std::string published_json();

}  // namespace lcs::automation
