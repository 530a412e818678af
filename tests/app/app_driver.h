// Driving the headless app from app_smoke's test files: frames, clicks on named items (the
// automation names, as the browser tests use them) and whether an item was drawn.
#pragma once
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "platform/native/native_host.h"

namespace lcs::test {

// Draws `frames` frames of the app (queued input is applied one event per frame).
inline void run_frames(App& app, int frames) {
    platform::native::set_max_frames(frames);
    platform::run_main_loop({[&] { app.before_frame(); }, [&] { app.frame(); }});
}

// Whether a named item was drawn in the last frame.
inline bool drawn(App& app, const std::string& name) {
    return !nlohmann::json::parse(app.query("itemRect", name)).is_null();
}

// Clicks the centre of a named item (move, press, release, then a few frames); false when it was not drawn.
inline bool click(App& app, const std::string& name) {
    nlohmann::json r = nlohmann::json::parse(app.query("itemRect", name));
    if (r.is_null()) {
        MESSAGE("no item drawn: " << name);
        return false;
    }
    platform::native::mouse_move(r["x"].get<float>() + r["w"].get<float>() / 2, r["y"].get<float>() + r["h"].get<float>() / 2);
    platform::native::mouse_button(0, true);
    platform::native::mouse_button(0, false);
    run_frames(app, 5);
    return true;
}

}  // namespace lcs::test
