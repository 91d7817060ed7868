// Share links that work without any script: each network's plain share URL.

import { STRINGS } from '../config/locale-ar.ts';

export interface ShareLink {
  network: 'whatsapp' | 'telegram' | 'facebook' | 'x' | 'email';
  label: string;
  href: string;
}

export function shareLinks(title: string, url: string): ShareLink[] {
  const encodedUrl = encodeURIComponent(url);
  const encodedTitle = encodeURIComponent(title);
  return [
    { network: 'whatsapp', label: STRINGS.shareWhatsApp, href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
    { network: 'telegram', label: STRINGS.shareTelegram, href: `https://t.me/share/url?url=${encodedUrl}&text=${encodedTitle}` },
    { network: 'facebook', label: STRINGS.shareFacebook, href: `https://www.facebook.com/sharer/sharer.php?u=${encodedUrl}` },
    { network: 'x', label: STRINGS.shareX, href: `https://x.com/intent/post?url=${encodedUrl}&text=${encodedTitle}` },
    { network: 'email', label: STRINGS.shareEmail, href: `mailto:?subject=${encodedTitle}&body=${encodedUrl}` },
  ];
}
