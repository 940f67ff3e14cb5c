import { ImageResponse } from 'next/og';

/** The picture shown when a page of the site is shared: drawn at build, no fonts fetched. */

export const alt = 'Flow Desk: the web apps you work in, in isolated workspaces';
export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';

export default function OpenGraphImage() {
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'center',
        padding: 80,
        background: 'linear-gradient(135deg, #0b1a33 0%, #1d4ed8 100%)',
        color: 'white',
      }}
    >
      <div style={{ fontSize: 96, fontWeight: 700 }}>Flow Desk</div>
      <div style={{ fontSize: 40, marginTop: 24, maxWidth: 900 }}>
        Your web apps in workspaces: isolated, hardened, and on your device.
      </div>
    </div>,
    size,
  );
}
