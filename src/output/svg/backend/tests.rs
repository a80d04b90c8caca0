//! Tests that the backend writes what plotters' own SVG backend writes, element by element, as
//! each is drawn.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use plotters::backend::SVGBackend;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::FontTransform;

use super::{Backend, END};

/// Draws one of everything nkru's pictures draw, and what they could, on any backend.
fn draw_everything<B: DrawingBackend>(root: &DrawingArea<B, Shift>) {
    root.fill(&WHITE).unwrap();
    let font = ("sans-serif", 13.0 * 1.24).into_font();
    for (index, (horizontal, vertical)) in [
        (HPos::Left, VPos::Top),
        (HPos::Center, VPos::Center),
        (HPos::Right, VPos::Bottom),
    ]
    .into_iter()
    .enumerate()
    {
        let style = font.color(&BLACK).pos(Pos::new(horizontal, vertical));
        let y = 20 * i32::try_from(index).unwrap();
        root.draw(&Text::new("<a & \"b\" 'c'>", (10, y), style))
            .unwrap();
    }
    let bold = ("sans-serif", 20.0 * 1.24, FontStyle::Bold).into_font();
    root.draw(&Text::new("bold", (5, 5), bold.color(&RED)))
        .unwrap();
    let italic = ("serif", 11.0, FontStyle::Italic).into_font();
    root.draw(&Text::new("italic", (5, 5), italic.color(&BLUE)))
        .unwrap();
    for transform in [
        FontTransform::Rotate90,
        FontTransform::Rotate180,
        FontTransform::Rotate270,
    ] {
        let turned = font.color(&BLACK).transform(transform);
        root.draw(&Text::new("turned", (40, 50), turned)).unwrap();
    }
    root.draw(&Text::new("hidden", (1, 1), font.color(&TRANSPARENT)))
        .unwrap();
    let colour = RGBColor(0xBB, 0x55, 0x66);
    root.draw(&Rectangle::new([(3, 4), (50, 60)], colour.filled()))
        .unwrap();
    root.draw(&Rectangle::new([(3, 4), (50, 60)], BLACK.stroke_width(1)))
        .unwrap();
    root.draw(&Circle::new((30, 30), 4, colour.mix(0.5).filled()))
        .unwrap();
    root.draw(&Circle::new((30, 30), 6, BLACK.stroke_width(2)))
        .unwrap();
    let path = vec![(1, 2), (30, 40), (50, 10)];
    root.draw(&PathElement::new(path.clone(), BLACK.stroke_width(1)))
        .unwrap();
    root.draw(&PathElement::new(path.clone(), colour.stroke_width(3)))
        .unwrap();
    root.draw(&Polygon::new(path, colour.filled())).unwrap();
    root.draw_pixel((7, 8), &colour).unwrap();
    let area = root.clone().shrink((60, 10), (200, 120));
    let mut chart = ChartBuilder::on(&area)
        .x_label_area_size(24)
        .build_cartesian_2d(0..100, 0_f64..3.0)
        .unwrap();
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_label_formatter(&|mark: &i32| (mark / 12).to_string())
        .bold_line_style(RGBColor(0xCC, 0xCC, 0xCC).stroke_width(1))
        .axis_style(BLACK.stroke_width(1))
        .draw()
        .unwrap();
    root.present().unwrap();
}

#[test]
fn a_picture_is_written_as_plotters_writes_it() {
    let mut expected = String::new();
    {
        let root = SVGBackend::with_string(&mut expected, (320, 200)).into_drawing_area();
        draw_everything(&root);
    }
    let mut written: Vec<u8> = Vec::new();
    {
        let root = Backend::new(&mut written, (320, 200))
            .unwrap()
            .into_drawing_area();
        draw_everything(&root);
    }
    written.extend_from_slice(END.as_bytes());
    assert_eq!(String::from_utf8(written).unwrap(), expected);
}

/// A writer whose bytes can be read while it is still borrowed.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn each_element_is_written_as_it_is_drawn() {
    let shared = Shared::default();
    let mut writer = shared.clone();
    let root = Backend::new(&mut writer, (100, 100))
        .unwrap()
        .into_drawing_area();
    let opened = shared.0.borrow().len();
    assert!(
        opened > 0,
        "the <svg> element is written when the picture is made"
    );
    let style = ("sans-serif", 16).into_font().color(&BLACK);
    root.draw(&Text::new("first", (1, 2), style.clone()))
        .unwrap();
    let text = String::from_utf8(shared.0.borrow().clone()).unwrap();
    assert!(text.ends_with(">\nfirst\n</text>\n"), "{text}");
    root.draw(&Circle::new((5, 5), 2, BLACK.filled())).unwrap();
    let text = String::from_utf8(shared.0.borrow().clone()).unwrap();
    let last = text.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("<circle cx=\"5\" cy=\"5\" r=\"2\""),
        "{text}"
    );
    assert_eq!(text.lines().count(), 5, "{text}");
}

/// A writer that is closed.
struct Closed;

impl Write for Closed {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::Error::from(io::ErrorKind::BrokenPipe))
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_failed_write_is_the_writers_error() {
    let mut closed = Closed;
    let error = Backend::new(&mut closed, (10, 10)).err().unwrap();
    assert_eq!(error.kind(), io::ErrorKind::BrokenPipe);
}
