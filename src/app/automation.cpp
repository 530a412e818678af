#include "app/automation.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include <nlohmann/json.hpp>

#include "imgui.h"

namespace lcs::automation {
namespace {

struct Rect {
    float x, y, w, h;
};

// Queries arrive between frames, so `drawing` holds the last complete frame.
struct Registry {
    std::map<std::string, Rect> drawing;
    std::map<std::string, std::string> published;  // key -> JSON text
};

Registry& registry() {
    static Registry instance;
    return instance;
}

}  // namespace

void begin_frame() {
    registry().drawing.clear();
    registry().published.clear();
}

void record(const std::string& name) {
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 max = ImGui::GetItemRectMax();
    // The visible part when there is one (a row spanning a table that scrolls sideways, a wide cell):
    // a click at the centre of the rectangle then lands on the item, not outside its window.
    const ImVec2 clip_min = ImGui::GetWindowDrawList()->GetClipRectMin(), clip_max = ImGui::GetWindowDrawList()->GetClipRectMax();
    if (min.x < clip_max.x && max.x > clip_min.x && min.y < clip_max.y && max.y > clip_min.y) {
        min = ImVec2(std::max(min.x, clip_min.x), std::max(min.y, clip_min.y));
        max = ImVec2(std::min(max.x, clip_max.x), std::min(max.y, clip_max.y));
    }
    record_rect(name, min.x, min.y, max.x - min.x, max.y - min.y);
}

void record_rect(const std::string& name, float x, float y, float w, float h) {
    registry().drawing[name] = {x, y, w, h};
}

std::string rect_json(const std::string& name) {
    const Registry& r = registry();
    auto it = r.drawing.find(name);
    if (it == r.drawing.end()) return "null";
    nlohmann::json j = {{"x", it->second.x}, {"y", it->second.y}, {"w", it->second.w}, {"h", it->second.h}};
    return j.dump();
}

std::string names_json() {
    nlohmann::json names = nlohmann::json::array();
    for (const auto& entry : registry().drawing) names.push_back(entry.first);
    return names.dump();
}

void publish(const std::string& key, const std::string& json) { registry().published[key] = json; }

std::string published_json() {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& entry : registry().published) {
        nlohmann::json value = nlohmann::json::parse(entry.second, nullptr, false);
        if (!value.is_discarded()) out[entry.first] = std::move(value);
    }
    return out.dump();
}

}  // namespace lcs::automation
