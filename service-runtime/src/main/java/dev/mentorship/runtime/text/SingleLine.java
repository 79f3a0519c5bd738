package dev.mentorship.runtime.text;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A single line of text as a person would type it: no control characters (C0, DEL, C1), no line or paragraph
 * separators, no bidirectional overrides or isolates (which can make a name read as something else). Names,
 * affiliations, titles, program, track and milestone names, reasons, locations: anything that ends up in someone
 * else's mail header, calendar or screen. null is valid (combine with @NotBlank where it is required).
 */
@Documented
@Constraint(validatedBy = SingleLine.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {

    String message() default "must be one line of text: no line breaks, control characters or text-direction overrides";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SingleLine, String> {

        /**
         * Text made one line for a place that must never hold more (a mail's subject header): every forbidden character
         * becomes a space. For text stored before the rule, or that came from elsewhere (a token's name).
         */
        public static String flatten(String value) {
            if (value == null) {
                return null;
            }
            StringBuilder out = new StringBuilder(value.length());
            value.chars().forEach(c -> out.append(forbidden(c) ? ' ' : (char) c));
            return out.toString();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.chars().noneMatch(Validator::forbidden);
        }

        static boolean forbidden(int c) {
            return c < 0x20 || c == 0x7F || c >= 0x80 && c <= 0x9F || c == 0x2028 || c == 0x2029
                    || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
        }
    }
}
