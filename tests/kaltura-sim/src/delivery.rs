//! The non-api_v3 delivery paths entries link to:
//! `/p/{pid}/sp/{pid}00/thumbnail/entry_id/{id}/…` (an image),
//! `/p/{pid}/sp/{pid}00/playManifest/entryId/{id}/format/{fmt}/…` (a
//! redirect or an HLS playlist) and `…/serveFlavor/…/flavorId/{id}/…`
//! (bytes). Errors follow Kaltura's header convention.

use crate::fixtures::{int, text, Catalog};
use crate::http::{Request, Response};
use crate::params::percent_decode;

/// A 1×1 transparent PNG: enough for a client to see an image.
const PIXEL_PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

/// Bytes served for a flavor, at most: the fixture sizes are notional.
const MAX_FLAVOR_BYTES: usize = 256 << 10;

pub fn respond(catalog: &Catalog, request: &Request, base_url: &str) -> Response {
    let segments: Vec<String> = request
        .path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(percent_decode)
        .collect();
    // p/{pid}[/sp/{pid}00]/{kind}/{key}/{value}…
    let partner = segments.get(1).cloned().unwrap_or_default();
    if partner != catalog.partner_id().to_string() {
        return error(404, 24, "Invalid partner id");
    }
    let mut rest = &segments[2..];
    if rest.first().map(String::as_str) == Some("sp") {
        rest = rest.get(2..).unwrap_or(&[]);
    }
    let Some((kind, pairs)) = rest.split_first() else {
        return error(404, 1, "Unknown path");
    };
    let value = |key: &str| {
        pairs
            .chunks(2)
            .find(|pair| pair[0] == key)
            .and_then(|pair| pair.get(1))
            .cloned()
    };
    match kind.as_str() {
        "thumbnail" => match value("entry_id").and_then(|id| catalog.entry(&id).map(|_| id)) {
            Some(_) => Response::new(200, "image/png", PIXEL_PNG.to_vec()),
            None => error(404, 30, "Entry not found"),
        },
        "playManifest" => play_manifest(
            catalog,
            &value("entryId").unwrap_or_default(),
            &value("format").unwrap_or_default(),
            base_url,
        ),
        "serveFlavor" => {
            let id = value("flavorId").unwrap_or_default();
            match catalog
                .flavors
                .iter()
                .find(|flavor| text(flavor, "id") == id)
            {
                Some(flavor) => {
                    let size = (int(flavor, "sizeInBytes").unwrap_or(0).max(0) as usize)
                        .min(MAX_FLAVOR_BYTES);
                    Response::new(
                        200,
                        "video/mp4",
                        (0..size).map(|i| (i % 253) as u8).collect::<Vec<u8>>(),
                    )
                }
                None => error(404, 61, "Flavor asset not found"),
            }
        }
        _ => error(404, 1, "Unknown path"),
    }
}

fn play_manifest(catalog: &Catalog, entry_id: &str, format: &str, base_url: &str) -> Response {
    let Some(entry) = catalog.entry(entry_id) else {
        return error(404, 30, "Entry not found");
    };
    let pid = catalog.partner_id();
    let ready: Vec<_> = catalog
        .flavors
        .iter()
        .filter(|flavor| {
            text(flavor, "entryId") == text(entry, "id") && int(flavor, "status") == Some(2)
        })
        .collect();
    let Some(source) = ready
        .iter()
        .find(|f| int(f, "flavorParamsId") == Some(0))
        .or(ready.first())
    else {
        return error(404, 36, "No flavors found");
    };
    let flavor_url = |flavor: &crate::fixtures::Object| {
        format!(
            "{base_url}/p/{pid}/sp/{pid}00/serveFlavor/entryId/{entry_id}/v/1/flavorId/{}/name/a.{}",
            text(flavor, "id"),
            text(flavor, "fileExt")
        )
    };
    match format {
        "url" | "download" => {
            Response::new(302, "text/plain", "").with_header("Location", flavor_url(source))
        }
        "applehttp" => {
            let mut playlist = String::from("#EXTM3U\n");
            for flavor in &ready {
                playlist.push_str(&format!(
                    "#EXT-X-STREAM-INF:BANDWIDTH={},RESOLUTION={}x{}\n{}\n",
                    int(flavor, "bitrate").unwrap_or(0) * 1000,
                    int(flavor, "width").unwrap_or(0),
                    int(flavor, "height").unwrap_or(0),
                    flavor_url(flavor)
                ));
            }
            Response::new(200, "application/vnd.apple.mpegurl", playlist)
        }
        _ => error(400, 1, "Unsupported format"),
    }
}

fn error(status: u16, code: u32, message: &str) -> Response {
    Response::new(status, "text/plain", "")
        .with_header("X-Kaltura", format!("error-{code}"))
        .with_header(
            "X-Kaltura-App",
            format!("exiting on error {code} - {message}"),
        )
}
