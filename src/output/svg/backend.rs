//! Plotters' drawing backend for nkru's pictures: each element is written to a writer as plotters
//! draws it, in the bytes plotters' own SVG backend writes, so a picture is never held whole.

use std::fmt::{self, Display, Write as _};
use std::io::{self, Write};

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle, FontTransform,
};

/// What a backend's drawing returns: a failed write is the writer's own error.
type Drawn = Result<(), DrawingErrorKind<io::Error>>;

/// An SVG picture written element by element to a writer. Its `<svg>` element is opened when it
/// is made; whoever made it closes the element with [`END`] once the picture is drawn.
pub struct Backend<'w> {
    /// Where the picture goes.
    writer: &'w mut dyn Write,
    /// The picture's width and height, in pixels.
    size: (u32, u32),
    /// The element being written, whose room is kept from one element to the next.
    element: String,
}

/// The end of the picture.
pub const END: &str = "</svg>\n";

impl<'w> Backend<'w> {
    /// A picture of `size` pixels whose `<svg>` element is written to `writer` at once.
    pub fn new(writer: &'w mut dyn Write, size: (u32, u32)) -> io::Result<Self> {
        let mut backend = Backend {
            writer,
            size,
            element: String::new(),
        };
        backend.open("svg");
        backend.attribute("width", size.0);
        backend.attribute("height", size.1);
        backend.attribute("viewBox", format_args!("0 0 {} {}", size.0, size.1));
        backend.attribute("xmlns", "http://www.w3.org/2000/svg");
        backend.element.push_str(">\n");
        backend.writer.write_all(backend.element.as_bytes())?;
        Ok(backend)
    }

    /// Begins an element: its tag, without its attributes.
    fn open(&mut self, tag: &str) {
        self.element.clear();
        self.element.push('<');
        self.element.push_str(tag);
    }

    /// Adds an attribute to the element begun, its value escaped as plotters escapes it.
    fn attribute(&mut self, name: &str, value: impl Display) {
        self.element.push(' ');
        self.element.push_str(name);
        self.element.push_str("=\"");
        let _ = write!(Escaped(&mut self.element), "{value}");
        self.element.push('"');
    }

    /// Ends an element that holds nothing and writes it.
    fn close(&mut self) -> Drawn {
        self.element.push_str("/>\n");
        self.writer
            .write_all(self.element.as_bytes())
            .map_err(DrawingErrorKind::DrawingError)
    }

    /// Adds the opacity and colour of a style, as plotters writes them.
    fn colour(&mut self, name: &str, colour: BackendColor) {
        let (red, green, blue) = colour.rgb;
        self.attribute(name, format_args!("#{red:02X}{green:02X}{blue:02X}"));
    }

    /// Adds how a shape is painted: filled with `colour` and no outline, or outlined in it.
    fn paint(&mut self, colour: BackendColor, fill: bool) {
        if fill {
            self.colour("fill", colour);
            self.attribute("stroke", "none");
        } else {
            self.attribute("fill", "none");
            self.colour("stroke", colour);
        }
    }

    /// Adds a list of points.
    fn points(&mut self, points: impl IntoIterator<Item = BackendCoord>) {
        self.element.push_str(" points=\"");
        for (x, y) in points {
            let _ = write!(self.element, "{x},{y} ");
        }
        self.element.push('"');
    }
}

/// Text written into a string with the five characters of XML markup escaped.
struct Escaped<'a>(&'a mut String);

impl fmt::Write for Escaped<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        for character in text.chars() {
            match character {
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '&' => self.0.push_str("&amp;"),
                '"' => self.0.push_str("&quot;"),
                '\'' => self.0.push_str("&apos;"),
                other => self.0.push(other),
            }
        }
        Ok(())
    }
}

impl DrawingBackend for Backend<'_> {
    type ErrorType = io::Error;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    /// Nothing waits to be written: every element went to the writer as it was drawn.
    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, colour: BackendColor) -> Drawn {
        if colour.alpha == 0.0 {
            return Ok(());
        }
        self.open("rect");
        self.attribute("x", point.0);
        self.attribute("y", point.1);
        self.attribute("width", 1);
        self.attribute("height", 1);
        self.attribute("stroke", "none");
        self.attribute("opacity", colour.alpha);
        self.colour("fill", colour);
        self.close()
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        self.open("line");
        self.attribute("opacity", colour.alpha);
        self.colour("stroke", colour);
        self.attribute("stroke-width", style.stroke_width());
        self.attribute("x1", from.0);
        self.attribute("y1", from.1);
        self.attribute("x2", to.0);
        self.attribute("y2", to.1);
        self.close()
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        self.open("rect");
        self.attribute("x", upper_left.0);
        self.attribute("y", upper_left.1);
        self.attribute("width", bottom_right.0 - upper_left.0);
        self.attribute("height", bottom_right.1 - upper_left.1);
        self.attribute("opacity", colour.alpha);
        self.paint(colour, fill);
        self.close()
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        self.open("polyline");
        self.attribute("fill", "none");
        self.attribute("opacity", colour.alpha);
        self.colour("stroke", colour);
        self.attribute("stroke-width", style.stroke_width());
        self.points(path);
        self.close()
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        self.open("polygon");
        self.attribute("opacity", colour.alpha);
        self.colour("fill", colour);
        self.points(path);
        self.close()
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        centre: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        self.open("circle");
        self.attribute("cx", centre.0);
        self.attribute("cy", centre.1);
        self.attribute("r", radius);
        self.attribute("opacity", colour.alpha);
        self.paint(colour, fill);
        self.attribute("stroke-width", style.stroke_width());
        self.close()
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, at: BackendCoord) -> Drawn {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "middle",
        };
        let shift = match style.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        self.open("text");
        self.attribute("x", at.0);
        self.attribute("y", at.1);
        self.attribute("dy", shift);
        self.attribute("text-anchor", anchor);
        self.attribute("font-family", style.family().as_str());
        self.attribute("font-size", style.size() / 1.24);
        self.attribute("opacity", colour.alpha);
        self.colour("fill", colour);
        match style.style() {
            FontStyle::Normal => {}
            FontStyle::Bold => self.attribute("font-weight", "bold"),
            other => self.attribute("font-style", other.as_str()),
        }
        let turn = match style.transform() {
            FontTransform::Rotate90 => Some(90),
            FontTransform::Rotate180 => Some(180),
            FontTransform::Rotate270 => Some(270),
            FontTransform::None => None,
        };
        if let Some(degrees) = turn {
            let (x, y) = at;
            self.attribute("transform", format_args!("rotate({degrees}, {x}, {y})"));
        }
        self.element.push_str(">\n");
        let _ = write!(Escaped(&mut self.element), "{text}");
        self.element.push_str("\n</text>\n");
        self.writer
            .write_all(self.element.as_bytes())
            .map_err(DrawingErrorKind::DrawingError)
    }
}

#[cfg(test)]
mod tests;
