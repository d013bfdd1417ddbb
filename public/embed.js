/*
 * RFM Explorer host script: sizes every <iframe data-rfm-explorer> on the page to its content.
 * The embed view posts { type: 'rfm-explorer:resize', height } to its parent on every size change; the
 * message is matched to its iframe by event.source, so several embeds on one page each get their own.
 *
 *   <iframe data-rfm-explorer src=".../?embed&preset=seed" width="100%" height="600" style="border: 0"></iframe>
 *   <script src=".../embed.js" defer></script>
 */
(function () {
  if (window.__rfmExplorerEmbed) return;
  window.__rfmExplorerEmbed = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    // Heights are finite and 0 < height <= 20,000 px: an embed can never make the page endless.
    var h = data && data.height;
    if (!data || data.type !== 'rfm-explorer:resize' || typeof h !== 'number' || !isFinite(h) || !(h > 0)) return;
    var height = Math.min(20000, Math.ceil(data.height));
    var frames = document.querySelectorAll('iframe[data-rfm-explorer]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = height + 'px';
        frames[i].setAttribute('data-rfm-height', String(height));
        return;
      }
    }
  });
})();
