/* Click-to-load for YouTube and Vimeo videos (see orkest/markdown/video.py).
 * The page holds only a button; the service's player is loaded, and so the
 * service contacted, only when the reader presses it. */
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("button.video__load");
  if (!button) return;
  var iframe = document.createElement("iframe");
  iframe.src = button.dataset.embedUrl;
  iframe.title = button.dataset.embedTitle;
  iframe.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
  iframe.allowFullscreen = true;
  iframe.referrerPolicy = "strict-origin-when-cross-origin";
  button.parentElement.replaceChildren(iframe);
  iframe.focus();
});
