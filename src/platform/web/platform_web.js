// Browser side of the platform seam (linked with --js-library). Everything the page does for the app:
// input wake-ups, hidden file input, drag and drop, downloads, IndexedDB, localStorage, clipboard,
// beforeunload, and the test automation object window.lifecycleStudio.
// C entry points it calls back (platform_web.cpp): _lcs_web_on_file, _lcs_web_on_storage, _lcs_web_query,
// _lcs_web_text_input, _lcs_web_on_wheel.

mergeInto(LibraryManager.library, {
  $LCS: {
    inputEvents: 1,
    unsaved: false,
    clipboard: '',
    db: null,
    resolveReady: null,

    // Every string handed to C goes through here. Emscripten 3.1.6's stringToUTF8 joins a high
    // surrogate with whatever unit follows it, so a lone surrogate (a broken paste, an IME that
    // delivers half a character) would become a wrong character: make the text well-formed first.
    allocString: function(text) {
      text = LCS.wellFormed(text);
      var size = lengthBytesUTF8(text) + 1;
      var ptr = _malloc(size);
      stringToUTF8(text, ptr, size);
      return ptr;
    },

    // The text with each lone UTF-16 surrogate replaced by U+FFFD and NULs removed (a C string would
    // end at the NUL); pairs are kept, so characters outside the BMP (CJK Extension B, emoji) pass whole.
    wellFormed: function(text) {
      text = String(text);
      var parts = [], start = 0;
      for (var i = 0; i < text.length; i++) {
        var c = text.charCodeAt(i);
        if (c !== 0 && (c < 0xD800 || c > 0xDFFF)) continue;
        var d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
        if (c >= 0xD800 && c <= 0xDBFF && d >= 0xDC00 && d <= 0xDFFF) { i++; continue; }
        parts.push(text.slice(start, i), c === 0 ? '' : '\uFFFD');
        start = i + 1;
      }
      if (!parts.length) return text;
      parts.push(text.slice(start));
      return parts.join('');
    },

    // Copies bytes into the wasm heap for the duration of fn(ptr, len).
    withBytes: function(bytes, fn) {
      var ptr = _malloc(Math.max(1, bytes.length));
      HEAPU8.set(bytes, ptr);
      try { fn(ptr, bytes.length); } finally { _free(ptr); }
    },

    deliverFile: function(requestId, name, bytes) {
      var namePtr = LCS.allocString(name);
      LCS.withBytes(bytes, function(ptr, len) { _lcs_web_on_file(requestId, namePtr, ptr, len); });
      _free(namePtr);
      LCS.inputEvents++;
    },

    readAndDeliver: function(requestId, file) {
      file.arrayBuffer().then(function(buffer) {
        LCS.deliverFile(requestId, file.name, new Uint8Array(buffer));
      }, function(error) { console.warn('lifecycle studio: cannot read ' + file.name + ': ' + error); });
    },

    openDb: function() {
      if (LCS.db) return LCS.db;
      LCS.db = new Promise(function(resolve, reject) {
        var request = indexedDB.open('lifecycle-studio', 1);
        request.onupgradeneeded = function() { request.result.createObjectStore('kv'); };
        request.onsuccess = function() { resolve(request.result); };
        request.onerror = function() { reject(request.error); };
      });
      return LCS.db;
    },

    // Wheel events over the canvas become ImGui wheel notches (positive = up / left), replacing
    // Emscripten 3.1.6's GLFW handler, which passes the raw deltas (about +-100 per notch in pixel
    // mode, positive = down) and so scrolled a hundred rows the wrong way. Listening on window in the
    // capture phase runs before any listener on the canvas, so stopping the event here keeps GLFW's
    // handler (and its legacy 'mousewheel' twin) from also firing.
    installWheel: function() {
      var isCanvas = function(e) { return e.target === Module['canvas']; };
      window.addEventListener('wheel', function(e) {
        if (!isCanvas(e)) return;
        e.preventDefault();
        e.stopImmediatePropagation();
        var x = LCS.wheelNotches(e.deltaX, e.deltaMode), y = LCS.wheelNotches(e.deltaY, e.deltaMode);
        if (x || y) _lcs_web_on_wheel(-x, -y, e.shiftKey ? 1 : 0);
        LCS.inputEvents++;
      }, { capture: true, passive: false });
      window.addEventListener('mousewheel', function(e) {
        if (isCanvas(e)) { e.preventDefault(); e.stopImmediatePropagation(); }
      }, { capture: true, passive: false });
    },

    // Notches of one wheel event along one axis (positive = down / right, as the browser reports).
    // A notch is 100 CSS pixels (Chrome, Safari) or 3 lines (Firefox); a page is the canvas height in
    // pixels. Trackpads send small pixel deltas, which stay fractions so scrolling is smooth; the clamp
    // keeps one accelerated or page event from jumping through a whole list.
    wheelNotches: function(delta, mode) {
      if (!delta) return 0;
      var canvas = Module['canvas'];
      var notches = mode === 1 ? delta / 3
                  : mode === 2 ? delta * (canvas ? canvas.clientHeight : 800) / 100
                  : delta / 100;
      return Math.max(-LCS.maxWheelNotches, Math.min(LCS.maxWheelNotches, notches));
    },
    maxWheelNotches: 10,

    // Runs change(objectStore) in its own readwrite transaction and reports the outcome once.
    storageChange: function(requestId, change) {
      var answered = false;
      var answer = function(ok, error) {
        if (answered) return;
        answered = true;
        if (!ok) console.warn('lifecycle studio: storage write failed: ' + error);
        _lcs_web_on_storage(requestId, ok ? 1 : 0, 0, 0);
        LCS.inputEvents++;
      };
      LCS.openDb().then(function(db) {
        // strict: 'complete' only once the data is on disk (a tab or browser closed right after keeps it).
        var tx = db.transaction('kv', 'readwrite', { durability: 'strict' });
        tx.oncomplete = function() { answer(true); };
        tx.onerror = function() { answer(false, tx.error); };
        tx.onabort = function() { answer(false, tx.error || 'aborted'); };
        change(tx.objectStore('kv'));
      }).catch(function(error) { answer(false, error); });
    },

    query: function(name, arg) {
      var namePtr = LCS.allocString(name);
      var argPtr = LCS.allocString(arg || '');
      var result = UTF8ToString(_lcs_web_query(namePtr, argPtr));
      _free(namePtr);
      _free(argPtr);
      return result;
    },
  },

  lcs_js_init__deps: ['$LCS', 'malloc', 'free'],
  lcs_js_init: function() {
    var wake = function() { LCS.inputEvents++; };
    ['mousemove', 'mousedown', 'mouseup', 'wheel', 'keydown', 'keyup', 'keypress', 'touchstart',
     'touchmove', 'touchend', 'focus', 'blur', 'resize', 'visibilitychange'].forEach(function(type) {
      window.addEventListener(type, wake, true);
    });
    LCS.installWheel();

    // A keypress for a character outside the BMP carries only its high surrogate (Chromium: charCode
    // 0xD83D for U+1F600), while the text area's input event that follows carries the whole character.
    // Registered before GLFW's own capture listener (glfwInit runs after this), so stopping it here
    // keeps GLFW from passing half a character, and the text area sends the input event's text instead.
    window.addEventListener('keypress', function(e) {
      if (e.charCode >= 0xD800 && e.charCode <= 0xDFFF) e.stopImmediatePropagation();
    }, true);

    // Keep the browser's own Ctrl/Cmd shortcuts (save page, open, select all, print) away from the
    // app; copy/cut/paste stay with the browser so the clipboard events fire. Ctrl/Cmd+P reaches the
    // app, which prints a picture of what it shows (the browser's own would print a blank canvas).
    window.addEventListener('keydown', function(e) {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      var key = (e.key || '').toLowerCase();
      if (['s', 'o', 'z', 'y', 'a', 'p', 'f', 'g', 'h', 'd', 'e', 'k', 'u'].indexOf(key) >= 0) e.preventDefault();
    }, true);

    // Browsers hand the clipboard over only in these events; remember the text for ImGui's paste.
    window.addEventListener('paste', function(e) {
      var text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
      if (text) LCS.clipboard = text;
      wake();
    }, true);
    window.addEventListener('copy', function(e) { wake(); }, true);

    window.addEventListener('beforeunload', function(e) {
      if (!LCS.unsaved) return;
      e.preventDefault();
      e.returnValue = '';
      return '';
    });

    // Files dropped anywhere on the page open or import them (request id 0 = drop handler).
    window.addEventListener('dragover', function(e) { e.preventDefault(); }, false);
    window.addEventListener('drop', function(e) {
      e.preventDefault();
      var files = e.dataTransfer ? e.dataTransfer.files : [];
      for (var i = 0; i < files.length; i++) LCS.readAndDeliver(0, files[i]);
    }, false);

    var studio = window.lifecycleStudio || {};
    studio.ready = new Promise(function(resolve) { LCS.resolveReady = resolve; });
    studio.query = function(name, arg) { return LCS.query(name, arg); };
    // Rect of a named UI item in CSS pixels of the page, or null when it was not drawn last frame.
    studio.itemRect = function(name) {
      var r = JSON.parse(LCS.query('itemRect', name));
      if (!r) return null;
      var canvas = Module['canvas'];
      var box = canvas.getBoundingClientRect();
      var sx = box.width / canvas.width, sy = box.height / canvas.height;
      return { x: box.left + r.x * sx, y: box.top + r.y * sy, w: r.w * sx, h: r.h * sy };
    };
    studio.items = function() { return JSON.parse(LCS.query('items', '')); };
    studio.workspaceJson = function() { return LCS.query('workspaceJson', ''); };
    studio.state = function() { return JSON.parse(LCS.query('state', '')); };
    studio.command = function(name, arg) { var r = LCS.query('command', name + (arg ? ' ' + arg : '')); LCS.inputEvents++; return r; };
    window.lifecycleStudio = studio;
  },

  // Resizes the canvas backing store. Emscripten's GLFW hears about it through Browser's resize
  // listeners (glfwSetWindowSize would request fullscreen when the size equals the screen's).
  lcs_js_set_canvas_size__deps: ['$Browser'],
  lcs_js_set_canvas_size: function(width, height) {
    Browser.setCanvasSize(width, height);
  },

  // Text entry through a hidden textarea that has focus while ImGui edits text, so input methods
  // (Chinese pinyin, Japanese, ...) and on-screen keyboards work. Characters that also arrived as
  // keypress events (which Emscripten's GLFW already forwards, one UTF-16 unit each; platform_web.cpp
  // joins surrogate halves) are not sent twice. Text arrives whole here (a string with its surrogate
  // pairs), so characters outside the BMP pass as themselves.
  lcs_js_set_text_input__deps: ['$LCS', 'malloc', 'free'],
  lcs_js_set_text_input: function(active, x, y) {
    var area = LCS.textArea;
    if (!area) {
      area = LCS.textArea = document.createElement('textarea');
      area.id = 'lcs-text-input';
      area.setAttribute('autocomplete', 'off');
      area.setAttribute('autocapitalize', 'off');
      area.setAttribute('spellcheck', 'false');
      area.style.cssText = 'position:fixed;left:0;top:0;width:2px;height:1em;opacity:0;border:0;padding:0;' +
                           'resize:none;overflow:hidden;z-index:-1;font-size:16px';
      document.body.appendChild(area);
      // A high surrogate at the end of one event's text waits for its low half in the next (a platform
      // that delivers a character outside the BMP as two events); anything else lone becomes U+FFFD.
      var pendingHigh = '';
      var sent = function(text) {
        text = pendingHigh + (text || '');
        pendingHigh = '';
        var last = text.charCodeAt(text.length - 1);
        if (last >= 0xD800 && last <= 0xDBFF) {
          pendingHigh = text.slice(-1);
          text = text.slice(0, -1);
        }
        if (!text) return;
        var ptr = LCS.allocString(text);
        _lcs_web_text_input(ptr);
        _free(ptr);
        LCS.inputEvents++;
      };
      // composedText: what compositionend just sent; a browser that follows it with an input event
      // carrying the same text (older Safari) must not insert it twice. Any other input is new text
      // (Chrome fires no input after compositionend, so the next insertText must not be swallowed).
      var keypressSeen = false, composedText = null;
      area.addEventListener('keydown', function() { composedText = null; });
      area.addEventListener('keypress', function() { keypressSeen = true; });
      area.addEventListener('compositionend', function(e) { sent(e.data); composedText = e.data || null; area.value = ''; });
      area.addEventListener('input', function(e) {
        if (e.isComposing) return;
        var repeat = composedText !== null && e.data === composedText;
        if (!keypressSeen && !repeat && e.data &&
            (e.inputType === 'insertText' || e.inputType === 'insertReplacementText')) sent(e.data);
        keypressSeen = false;
        composedText = null;
        area.value = '';
      });
    }
    if (active) {
      var canvas = Module['canvas'];
      var box = canvas.getBoundingClientRect();
      area.style.left = (box.left + x * box.width / canvas.width) + 'px';
      area.style.top = (box.top + y * box.height / canvas.height) + 'px';
      if (document.activeElement !== area) area.focus({ preventScroll: true });
    } else if (document.activeElement === area) {
      area.blur();
    }
  },

  lcs_js_take_input_events__deps: ['$LCS'],
  lcs_js_take_input_events: function() {
    var n = LCS.inputEvents;
    LCS.inputEvents = 0;
    return n;
  },

  lcs_js_notify_ready__deps: ['$LCS'],
  lcs_js_notify_ready: function() {
    var loading = document.getElementById('loading');
    if (loading) loading.style.display = 'none';
    if (LCS.resolveReady) LCS.resolveReady(true);
  },

  lcs_js_open_file__deps: ['$LCS'],
  lcs_js_open_file: function(acceptPtr, requestId) {
    var input = document.getElementById('lcs-file-input');
    if (!input) {
      input = document.createElement('input');
      input.type = 'file';
      input.id = 'lcs-file-input';
      input.style.display = 'none';
      document.body.appendChild(input);
    }
    input.accept = UTF8ToString(acceptPtr);
    input.value = '';
    input.onchange = function() {
      if (input.files && input.files.length > 0) LCS.readAndDeliver(requestId, input.files[0]);
    };
    input.click();
  },

  lcs_js_download__deps: ['$LCS'],
  lcs_js_download: function(namePtr, dataPtr, len, mimePtr) {
    var blob = new Blob([HEAPU8.slice(dataPtr, dataPtr + len)], { type: UTF8ToString(mimePtr) });
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = UTF8ToString(namePtr);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function() { URL.revokeObjectURL(url); }, 10000);
  },

  // One readwrite transaction per change: IndexedDB applies it whole or not at all, and 'complete'
  // fires once it is durable. The app hears ok (1) or failure (0) through _lcs_web_on_storage.
  lcs_js_storage_set__deps: ['$LCS'],
  lcs_js_storage_set: function(keyPtr, dataPtr, len, requestId) {
    var key = UTF8ToString(keyPtr);
    var bytes = HEAPU8.slice(dataPtr, dataPtr + len);
    LCS.storageChange(requestId, function(store) { store.put(bytes, key); });
  },

  lcs_js_storage_remove__deps: ['$LCS'],
  lcs_js_storage_remove: function(keyPtr, requestId) {
    var key = UTF8ToString(keyPtr);
    LCS.storageChange(requestId, function(store) { store.delete(key); });
  },

  lcs_js_storage_get__deps: ['$LCS'],
  lcs_js_storage_get: function(keyPtr, requestId) {
    var key = UTF8ToString(keyPtr);
    var answer = function(bytes) {
      if (bytes) {
        LCS.withBytes(bytes, function(ptr, len) { _lcs_web_on_storage(requestId, 1, ptr, len); });
      } else {
        _lcs_web_on_storage(requestId, 0, 0, 0);
      }
      LCS.inputEvents++;
    };
    LCS.openDb().then(function(db) {
      var request = db.transaction('kv', 'readonly').objectStore('kv').get(key);
      request.onsuccess = function() {
        var value = request.result;
        if (typeof value === 'string') value = new TextEncoder().encode(value);
        answer(value instanceof Uint8Array ? value : null);
      };
      request.onerror = function() { answer(null); };
    }).catch(function() { answer(null); });
  },

  lcs_js_settings_get__deps: ['$LCS'],
  lcs_js_settings_get: function(keyPtr) {
    var value = null;
    try { value = window.localStorage.getItem(UTF8ToString(keyPtr)); } catch (e) {}
    return LCS.allocString(value || '');
  },

  lcs_js_settings_set: function(keyPtr, valuePtr) {
    try { window.localStorage.setItem(UTF8ToString(keyPtr), UTF8ToString(valuePtr)); } catch (e) {}
  },

  lcs_js_clipboard_set__deps: ['$LCS'],
  lcs_js_clipboard_set: function(textPtr) {
    var text = UTF8ToString(textPtr);
    LCS.clipboard = text;
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(function() {});
    }
  },

  lcs_js_clipboard_get__deps: ['$LCS'],
  lcs_js_clipboard_get: function() { return LCS.allocString(LCS.clipboard); },

  lcs_js_set_unsaved__deps: ['$LCS'],
  lcs_js_set_unsaved: function(unsaved) { LCS.unsaved = !!unsaved; },

  lcs_js_set_title: function(titlePtr) { document.title = UTF8ToString(titlePtr); },

  // Called right after a frame was drawn (the only moment a WebGL canvas can be read): the picture
  // goes into #print-image, which the print style shows instead of the canvas, then the browser's
  // print dialog opens once the picture is decoded.
  lcs_js_print_canvas: function() {
    var image = document.getElementById('print-image');
    if (!image) {
      image = document.createElement('img');
      image.id = 'print-image';
      image.alt = document.title;
      document.body.appendChild(image);
    }
    image.onload = function() { image.onload = null; window.print(); };
    image.src = Module['canvas'].toDataURL('image/png');
  },

  lcs_js_is_mac: function() {
    var platform = (navigator.userAgentData && navigator.userAgentData.platform) || navigator.platform || '';
    return /mac|iphone|ipad|ipod/i.test(platform) ? 1 : 0;
  },

  lcs_js_local_time__deps: ['$LCS'],
  lcs_js_local_time: function(unixSeconds, withSeconds) {
    var d = new Date(unixSeconds * 1000);
    var pad = function(n) { return (n < 10 ? '0' : '') + n; };
    var text = d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' +
               pad(d.getHours()) + ':' + pad(d.getMinutes()) + (withSeconds ? ':' + pad(d.getSeconds()) : '');
    return LCS.allocString(text);
  },

  lcs_js_unix_time: function() { return Date.now() / 1000; },
});
