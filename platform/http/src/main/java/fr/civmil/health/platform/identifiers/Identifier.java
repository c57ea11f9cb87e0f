package fr.civmil.health.platform.identifiers;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** Bean Validation constraint: the string is a valid identifier of the given kind (null is allowed; add @NotNull). */
@Documented
@Constraint(validatedBy = Identifier.Validator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface Identifier {

    IdentifierKind value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Validates through {@link IdentifierKind}, with its message unless the annotation names one. */
    class Validator implements ConstraintValidator<Identifier, String> {

        private IdentifierKind kind;
        private String message;

        @Override
        public void initialize(Identifier annotation) {
            kind = annotation.value();
            message = annotation.message().isEmpty() ? kind.message() : annotation.message();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || kind.isValid(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
            return false;
        }
    }
}
