// ContactOps UI helpers: focusing a field and the global keyboard shortcut to customer search.
window.contactOps = {
    focus: function (selector) {
        var el = document.querySelector(selector);
        if (el) { el.focus(); if (el.select) { el.select(); } }
    }
};

// Alt+B anywhere, or "/" outside a text field, focuses customer search (opening the page if needed).
document.addEventListener("keydown", function (e) {
    var tag = (e.target && e.target.tagName) || "";
    var typing = tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (e.target && e.target.isContentEditable);
    var altB = e.altKey && !e.ctrlKey && !e.metaKey && (e.key === "b" || e.key === "B" || e.code === "KeyB");
    var slash = e.key === "/" && !typing && !e.altKey && !e.ctrlKey && !e.metaKey;
    if (!altB && !slash) { return; }
    e.preventDefault();
    var box = document.getElementById("customer-search");
    if (box) { box.focus(); box.select && box.select(); return; }
    if (window.Blazor && window.Blazor.navigateTo) { window.Blazor.navigateTo("/customers"); } else { window.location.href = "/customers"; }
});

// The wallboard's TV links: data-fullscreen="on" asks the browser for full screen (the click is the user gesture the
// Fullscreen API needs) while the link opens ?tv=1; "off" leaves it. A refusal (kiosk, headless) leaves the page as is.
document.addEventListener("click", function (e) {
    var link = e.target && e.target.closest ? e.target.closest("[data-fullscreen]") : null;
    if (!link) { return; }
    try {
        if (link.getAttribute("data-fullscreen") === "on" && !document.fullscreenElement && document.documentElement.requestFullscreen) {
            document.documentElement.requestFullscreen().catch(function () { });
        } else if (link.getAttribute("data-fullscreen") === "off" && document.fullscreenElement && document.exitFullscreen) {
            document.exitFullscreen().catch(function () { });
        }
    } catch (err) { /* not allowed here */ }
});
